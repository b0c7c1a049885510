// Creates a thumbnail for each uploaded image and records it in DynamoDB.
const { S3Client, GetObjectCommand, PutObjectCommand } = require('@aws-sdk/client-s3');
const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');

const dynamo = new DynamoDBClient({});

exports.handler = async (event) => {
  // Created on every invocation: a new connection pool each time.
  const s3 = new S3Client({});
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const original = await s3.send(new GetObjectCommand({ Bucket: record.s3.bucket.name, Key: key }));
    const thumbnail = await resize(original.Body);
    await s3.send(new PutObjectCommand({ Bucket: process.env.DEST_BUCKET, Key: `thumbs/${key}`, Body: thumbnail }));
    await dynamo.send(new PutItemCommand({
      TableName: process.env.TABLE_NAME,
      Item: { id: { S: key }, thumbnail: { S: `thumbs/${key}` } },
    }));
  }
};

async function resize(body) {
  return body; // stands in for an image library
}
