/**
 * Shipment storage instances of their own (own client, own cache) on one shared table, each
 * counting the DynamoDB commands it sends; and the one-shipment order that creates a shipment.
 */
import { inject } from 'vitest';
import { clientFor } from '../../scripts/create-table';
import { DynamoShipmentRepository } from '../../src/storage/dynamodb';
import type { ShipmentRecord } from '../../src/storage/repository';

/** @example const { repo, calls } = shipmentInstance(tableName); */
export function shipmentInstance(tableName: string) {
  const client = clientFor({
    endpoint: inject('dynamoEndpoint'),
    region: 'eu-central-1',
    tableName,
  });
  const calls: string[] = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize' },
  );
  return { repo: new DynamoShipmentRepository({ client, tableName }), calls, client };
}

/** Writes `record` as the one shipment of its order. */
export async function createShipment(record: ShipmentRecord, repo: DynamoShipmentRepository) {
  await repo.replaceOrder({
    order: {
      shopId: record.shopId,
      orderId: record.orderId,
      placedAt: '2025-03-01T10:00:00+03:00',
      customer: { name: 'Анна Петрова', email: 'anna@example.com', phone: '+7 900 000-00-00' },
      b2b: false,
      shipmentIds: [record.shipmentId],
      version: 1,
      updatedAt: record.updatedAt,
    },
    puts: [{ record }],
    removes: [],
  });
}
