const tableName = process.env.TABLE_NAME;

exports.handler = async () => ({
  tableName,
  stage: process.env.STAGE,
  region: process.env.AWS_REGION,
  fn: process.env.AWS_LAMBDA_FUNCTION_NAME,
  root: process.env.LAMBDA_TASK_ROOT,
});
