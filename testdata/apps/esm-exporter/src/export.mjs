// v2 SDK: not included in nodejs18.x and later runtimes, and not in package.json.
import AWS from 'aws-sdk';

const dynamo = new AWS.DynamoDB.DocumentClient();
const s3 = new AWS.S3();

export const handler = async () => {
  const { Items } = await dynamo.scan({ TableName: process.env.TABLE }).promise();
  await s3.putObject({
    Bucket: process.env.BUCKET,
    Key: `exports/${new Date().toISOString()}.json`,
    Body: JSON.stringify(Items),
  }).promise();
};
