const { S3Client, ListBucketsCommand } = require('@aws-sdk/client-s3');

const s3 = new S3Client({});
exports.handler = async () => s3.send(new ListBucketsCommand({}));
