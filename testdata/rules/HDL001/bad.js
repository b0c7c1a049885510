const AWS = require('aws-sdk');
const { Pool } = require('pg');

exports.handler = async (event) => {
  const s3 = new AWS.S3(); // expect: HDL001
  const pool = new Pool({ connectionString: process.env.DB_URL }); // expect: HDL001
  const docs = connect();
  await s3.getObject({ Bucket: 'b', Key: event.key }).promise();
  return pool.query('select 1').then(() => docs);
};

function connect() {
  return new AWS.DynamoDB.DocumentClient(); // expect: HDL001
}
