import type { EventBridgeEvent } from 'aws-lambda';

export const handler = async (event: EventBridgeEvent<string, unknown>): Promise<string> => {
  const kind = event.detail-type; // expect: HDL002
  return String(kind);
};
