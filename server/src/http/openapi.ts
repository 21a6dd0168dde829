import { z } from 'zod';
import type { AnyRoute } from './route.js';

type JsonSchema = Record<string, unknown>;

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

const ERROR_RESPONSE = {
  description: 'Error envelope',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
          },
        },
      },
    },
  },
};

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApi(routes: AnyRoute[], prefix: string, version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = `${prefix}${route.path}`.replace(/:(\w+)/g, '{$1}');
    const status = String(route.status ?? 200);
    const operation: JsonSchema = {
      summary: route.summary,
      tags: [route.tag],
      parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
      responses: {
        [status]:
          route.produces === 'text/csv'
            ? { description: 'CSV file, UTF-8 with BOM', content: { 'text/csv': { schema: { type: 'string' } } } }
            : route.produces === 'application/pdf' || route.produces === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
              ? { description: route.produces === 'application/pdf' ? 'PDF document' : 'Spreadsheet (xlsx)', content: { [route.produces]: { schema: { type: 'string', format: 'binary' } } } }
              : route.response && status !== '204'
              ? { description: 'OK', content: { 'application/json': { schema: toJsonSchema(route.response, 'output') } } }
              : { description: 'OK' },
        default: ERROR_RESPONSE,
      },
      ...(route.auth === 'user' ? { security: [{ sessionCookie: [] }] } : {}),
    };
    if (route.body) {
      operation.requestBody = { required: true, content: { 'application/json': { schema: toJsonSchema(route.body, 'input') } } };
    }
    (paths[path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Yunpin 24365 API', version },
    paths,
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'yp_session', description: 'Writes also need the X-CSRF-Token header' },
      },
    },
  };
}
