const { S3Client, PutObjectCommand, GetObjectCommand } = require('@aws-sdk/client-s3');
const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

const s3 = new S3Client({});
const ddb = new DynamoDBClient({});
const sqs = new SQSClient({});

exports.handler = async (event) => {
  await s3.send(new GetObjectCommand({ Bucket: process.env.BUCKET, Key: event.key }));
  await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: event.key, Body: 'x' })); // expect: IAM007
  await ddb.send(new PutItemCommand({ TableName: process.env.TABLE, Item: {} })); // expect: IAM007
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: 'x' })); // expect: IAM007
};
