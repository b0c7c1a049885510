const tableName = process.env.TABLE_NAME; // expect: XRF001
const { LOG_LEVEL = 'info', REGION_OVERRIDE } = process.env; // expect: XRF001, XRF001

exports.handler = async () => {
  const queue = process.env['QUEUE_URL']; // expect: XRF001
  return { tableName, queue, stage: process.env.STAGE, region: process.env.AWS_REGION, LOG_LEVEL, REGION_OVERRIDE };
};
