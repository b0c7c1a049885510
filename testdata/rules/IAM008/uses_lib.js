// The table is written by ./lib, which lambdalint does not follow: no IAM008 here.
const { save } = require('./lib');

exports.handler = async (event) => save(event);
