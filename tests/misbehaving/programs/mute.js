'use strict';
// Starts, reads its input, and never says a word: not even the handshake.
process.stdin.resume();
