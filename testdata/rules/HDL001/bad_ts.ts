import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import Redis from 'ioredis';

export const handler = async (event: SQSEvent): Promise<void> => {
  const sqs = new SQSClient({}) as SQSClient; // expect: HDL001
  const cache: Redis = new Redis(process.env.REDIS_URL as string); // expect: HDL001
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: await cache.get('k') ?? '' }));
};
