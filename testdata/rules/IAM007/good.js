const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
const { DynamoDBClient, PutItemCommand, QueryCommand } = require('@aws-sdk/client-dynamodb');

const s3 = new S3Client({});
const ddb = new DynamoDBClient({});

exports.handler = async (event) => {
  await s3.send(new PutObjectCommand({ Bucket: process.env.BUCKET, Key: event.key, Body: 'x' }));
  await ddb.send(new PutItemCommand({ TableName: process.env.TABLE, Item: {} }));
  return ddb.send(new QueryCommand({ TableName: process.env.TABLE, KeyConditionExpression: 'id = :id' }));
};
