const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');
const AWS = require('aws-sdk');

const sqs = new SQSClient({});
const sns = new AWS.SNS();

exports.handler = async (event) => {
  sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: 'x' })); // expect: HDL003
  sns.publish({ TopicArn: process.env.TOPIC_ARN, Message: 'x' }).promise(); // expect: HDL003
  return { statusCode: 202 };
};
