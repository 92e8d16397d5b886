'use strict';
// Exports something, but no Implementation.
exports.helper = () => 42;
