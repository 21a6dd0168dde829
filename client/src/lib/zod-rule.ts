import type { FormRule } from 'antd';
import type { ZodType } from 'zod';

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * An antd form rule that checks the value against a shared zod schema and shows the given message.
 * With `optional`, an empty value passes (for fields that may be cleared).
 */
export function zodRule(schema: ZodType, message: string, options: { optional?: boolean } = {}): FormRule {
  return {
    validator: (_rule, value: unknown) =>
      (options.optional && isBlank(value)) || schema.safeParse(value).success
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}

/** Form.Item `normalize` for inputs that never hold spaces (logins, phone numbers, emails). */
export function trimInput(value: unknown): unknown {
  return typeof value === 'string' ? value.trim() : value;
}
