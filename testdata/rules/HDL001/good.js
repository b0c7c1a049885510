const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const { Pool } = require('pg');

const s3 = new S3Client({});
let pool;

exports.handler = async (event) => {
  pool ??= new Pool({ connectionString: process.env.DB_URL });
  await s3.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
  return pool.query('select 1');
};

// Not called from the handler: a script helper, not per-invocation work.
function adminClient() {
  return new S3Client({ region: 'us-east-1' });
}
module.exports.adminClient = adminClient;
