import 'reflect-metadata';
import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';
import { InputValidationPipe } from './input-validation.pipe.js';

class Question {
  @IsOptional()
  @IsString()
  @Length(1, 10)
  name?: string;

  @IsOptional()
  @IsInt()
  level?: number;

  @IsOptional()
  @Type(() => Date)
  @IsDate()
  at?: Date;
}

class Part {
  @IsString()
  name: string;
}

class Whole {
  @ValidateNested()
  @Type(() => Part)
  part: Part;
}

const asInput = (metatype: Function): ArgumentMetadata => ({ type: 'body', metatype: metatype as ArgumentMetadata['metatype'], data: 'input' });

async function refusal(pipe: InputValidationPipe, value: unknown, metatype: Function = Question): Promise<DomainError> {
  try {
    await pipe.transform(value, asInput(metatype));
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`${JSON.stringify(value)} was accepted`);
}

/** A value given again is answered as the first time; these hold however often it is given. */
describe('InputValidationPipe, the same value again', () => {
  let pipe: InputValidationPipe;
  beforeEach(() => {
    pipe = new InputValidationPipe();
  });

  it('gives an equal instance of the class each time, never the same object', async () => {
    const first = (await pipe.transform({ name: 'a', level: 3 }, asInput(Question))) as Question;
    const again = (await pipe.transform({ name: 'a', level: 3 }, asInput(Question))) as Question;
    expect(again).toBeInstanceOf(Question);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    again.name = 'changed';
    expect(await pipe.transform({ name: 'a', level: 3 }, asInput(Question))).toEqual({ name: 'a', level: 3 });
  });

  it('gives a Date of its own each time, equal to the one asked', async () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const first = (await pipe.transform({ at }, asInput(Question))) as Question;
    first.at!.setFullYear(2000);
    const again = (await pipe.transform({ at: new Date('2026-01-01T00:00:00Z') }, asInput(Question))) as Question;
    expect(again.at).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect((await pipe.transform({ at: new Date('2027-01-01T00:00:00Z') }, asInput(Question))) as Question).toEqual({ at: new Date('2027-01-01T00:00:00Z') });
  });

  it('refuses a refused value every time, with the same fields', async () => {
    const first = await refusal(pipe, { name: '' });
    const again = await refusal(pipe, { name: '' });
    expect(again).toBeInstanceOf(DomainError);
    expect(again.code).toBe('BAD_USER_INPUT');
    expect(again.fields).toEqual(first.fields);
    expect(again.fields.map((f) => f.field)).toEqual(['input.name']);
  });

  it('does not take a value for another that only looks alike', async () => {
    await pipe.transform({ level: 3 }, asInput(Question));
    expect((await refusal(pipe, { level: '3' })).fields.map((f) => f.field)).toEqual(['input.level']);
    await pipe.transform({ name: 'null' }, asInput(Question));
    expect(await pipe.transform({ name: null }, asInput(Question))).toEqual({ name: null });
    await pipe.transform({ name: 'a' }, asInput(Question));
    expect((await refusal(pipe, { name: 'a', extra: 1 })).fields.map((f) => f.field)).toEqual(['input.extra']);
  });

  it('keeps classes apart', async () => {
    class Strict {
      @IsString()
      @Length(5, 5)
      name: string;
    }
    await pipe.transform({ name: 'a' }, asInput(Question));
    expect((await refusal(pipe, { name: 'a' }, Strict)).fields.map((f) => f.field)).toEqual(['input.name']);
  });

  it('validates a nested value each time', async () => {
    const first = (await pipe.transform({ part: { name: 'a' } }, asInput(Whole))) as Whole;
    expect(first.part).toBeInstanceOf(Part);
    expect((await refusal(pipe, { part: { name: 1 } }, Whole)).fields.map((f) => f.field)).toEqual(['input.part.name']);
    const again = (await pipe.transform({ part: { name: 'a' } }, asInput(Whole))) as Whole;
    expect(again.part).not.toBe(first.part);
  });
});
