'use strict';
// Answers out of order: the right answer, labelled with the previous request's seq.
require('./lib').speak('wrong-seq', (req, answer, send) => send({ ...answer(), seq: req.seq - 1 }));
