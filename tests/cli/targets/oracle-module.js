'use strict';
// A module target: the compiled oracle, exported through a factory.
const { createOracle } = require('../../../dist/oracle');
exports.createImplementation = () => createOracle();
