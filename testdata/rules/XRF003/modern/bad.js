const AWS = require('aws-sdk'); // expect: XRF003
const DynamoDB = require('aws-sdk/clients/dynamodb'); // expect: XRF003

exports.handler = async () => new AWS.S3().listBuckets().promise();
