import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldProblem } from '../errors/domain-error.js';

/**
 * The one validation pipeline (class-validator). It strips nothing silently: an unknown field is
 * an error, and every failure becomes BAD_USER_INPUT naming each field by its full path
 * (`input.scope.eqfLevels[0]`).
 *
 * Every rule of every input class is a pure function of the value (class-validator's own and the
 * vocabulary checks; none reads the database, the clock or the caller): a rule that did would have
 * to keep its class out of the memo in `transform`.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  /** Inputs that passed, by class and then by value (see `flatValueKey`); bounded. */
  private readonly validated = new Map<Function, Map<string, Readonly<Record<string, FlatValue>>>>();

  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => DomainError.badInput(fieldProblems(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // The same flat value always validates the same way, so a value that passed before is given
    // again as the instance it became, rebuilt (not shared: a handler may change what it gets).
    // A verifier asks issuerTrust the same variables over and over, and class-transformer +
    // class-validator cost more than the answer (~60 µs of ~220 per lookup).
    const metatype = metadata.metatype;
    const key = metatype && this.toValidate(metadata) ? flatValueKey(value) : undefined;
    const known = key === undefined ? undefined : this.validated.get(metatype!)?.get(key);
    if (known) return rebuilt(metatype!, known);
    try {
      const result = await super.transform(value, metadata);
      if (key !== undefined) this.remember(metatype!, key, result);
      return result;
    } catch (error) {
      // A REST body is named `input`, as the same object is named in GraphQL, so that one field
      // path (`input.eqfLevel`) means the same over both.
      const prefix = metadata.data ?? (metadata.type === 'body' ? 'input' : undefined);
      if (error instanceof DomainError && prefix) {
        throw DomainError.badInput(error.fields.map((f) => ({ ...f, field: `${prefix}.${f.field}` })));
      }
      throw error;
    }
  }

  private remember(metatype: Function, key: string, result: unknown): void {
    const fields = flatFields(result, metatype);
    if (!fields) return;
    let byValue = this.validated.get(metatype);
    if (!byValue) this.validated.set(metatype, (byValue = new Map()));
    if (byValue.size >= MAX_REMEMBERED_PER_CLASS) byValue.clear();
    byValue.set(key, fields);
  }
}

/** What a flat input holds: what GraphQL variables and query strings coerce to. */
type FlatValue = string | number | boolean | null | undefined | Date;

/** Per input class; a flood of distinct values only clears it. */
const MAX_REMEMBERED_PER_CLASS = 1_000;
/** Longer values (a PEM) are validated each time: remembering them would cost more than it saves. */
const MAX_KEY_LENGTH = 2_048;

function isFlatValue(value: unknown): value is FlatValue {
  return value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || (value instanceof Date && Object.getPrototypeOf(value) === Date.prototype);
}

/** Keys that the pipe treats specially (stripped, or read as the class); such a value is never remembered. */
const SPECIAL_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A key that two values share only if they are equal field by field, in the same order, with the
 * same types (a Date by its time, a string quoted, -0 apart from 0) — or undefined when the value is
 * not a plain object of flat values and is validated as usual.
 */
function flatValueKey(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  let key = '';
  for (const name of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[name];
    if (SPECIAL_KEYS.has(name) || !isFlatValue(field)) return undefined;
    key += `${JSON.stringify(name)}:${encoded(field)},`;
    if (key.length > MAX_KEY_LENGTH) return undefined;
  }
  // Own properties that Object.keys does not list (symbols, non-enumerable) could reach a rule.
  return Reflect.ownKeys(value).length === Object.keys(value).length ? key : undefined;
}

function encoded(value: FlatValue): string {
  if (value instanceof Date) return `d${value.getTime()}`;
  if (typeof value === 'number') return Object.is(value, -0) ? 'n-0' : `n${value}`;
  if (typeof value === 'string') return `s${JSON.stringify(value)}`;
  return String(value);
}

/** The validated instance's own fields, when it is an instance of the class holding only flat values. */
function flatFields(result: unknown, metatype: Function): Readonly<Record<string, FlatValue>> | undefined {
  if (!(result instanceof metatype) || Object.getPrototypeOf(result) !== metatype.prototype) return undefined;
  const names = Object.keys(result);
  if (Reflect.ownKeys(result).length !== names.length) return undefined;
  const fields: Record<string, FlatValue> = {};
  for (const name of names) {
    const field = (result as Record<string, unknown>)[name];
    if (!isFlatValue(field)) return undefined;
    fields[name] = field instanceof Date ? new Date(field.getTime()) : field;
  }
  return Object.freeze(fields);
}

/** A new instance of the class with the remembered fields (a Date copied, as it can be changed). */
function rebuilt(metatype: Function, fields: Readonly<Record<string, FlatValue>>): unknown {
  const instance = Object.create(metatype.prototype as object) as Record<string, FlatValue>;
  for (const name in fields) {
    const field = fields[name];
    instance[name] = field instanceof Date ? new Date(field.getTime()) : field;
  }
  return instance;
}

export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field: path, message }));
    return [...own, ...fieldProblems(error.children ?? [], path)];
  });
}
