'use strict';
// Never misbehaves: the control case.
require('./lib').speak('well-behaved', (req, answer, send) => send(answer()));
