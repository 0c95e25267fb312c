import { describe, expect, it } from 'vitest';
import { resolveConnection } from '../../scripts/create-table';
import { localDynamoEndpoint, localDynamoPort } from '../../scripts/dynamodb-local';

describe('where npm run keys finds DynamoDB', () => {
  it('is the local DynamoDB of npm start, on port 8000 by default', () => {
    expect(resolveConnection({}, {})).toEqual({
      endpoint: 'http://127.0.0.1:8000',
      tableName: 'parcel-claims',
      region: 'eu-central-1',
    });
  });

  it('honours DYNAMODB_PORT exactly as npm start does', () => {
    const env = { DYNAMODB_PORT: '8123' };
    expect(resolveConnection({}, env).endpoint).toBe(localDynamoEndpoint(localDynamoPort(env)));
    expect(resolveConnection({}, env).endpoint).toBe('http://127.0.0.1:8123');
  });

  it('lets an explicit endpoint win, and goes to AWS when it is configured', () => {
    const env = { DYNAMODB_PORT: '8123', DYNAMODB_ENDPOINT: 'http://db:9000' };
    expect(resolveConnection({}, env).endpoint).toBe('http://db:9000');
    expect(resolveConnection({ endpoint: 'http://flag:1' }, env).endpoint).toBe('http://flag:1');
    expect(resolveConnection({}, { DYNAMODB_PORT: '8123', AWS_REGION: 'eu-west-1' })).toEqual({
      endpoint: undefined,
      tableName: 'parcel-claims',
      region: 'eu-west-1',
    });
  });

  it.each(['0', '65536', '80a', '', '8000.5'])('refuses DYNAMODB_PORT=%j, naming it', (port) => {
    expect(() => resolveConnection({}, { DYNAMODB_PORT: port })).toThrow(/DYNAMODB_PORT/);
  });
});
