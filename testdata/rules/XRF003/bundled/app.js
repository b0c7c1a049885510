// aws-sdk v2 is a dependency of this function, so it is packaged with it.
const AWS = require('aws-sdk');

exports.handler = async () => new AWS.S3().listBuckets().promise();
