import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldProblem } from '../errors/domain-error.js';

/**
 * The one validation pipeline (class-validator). It strips nothing silently: an unknown field is
 * an error, and every failure becomes BAD_USER_INPUT naming each field by its full path
 * (`input.scope.eqfLevels[0]`).
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
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
    try {
      return await super.transform(value, metadata);
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
}

export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field: path, message }));
    return [...own, ...fieldProblems(error.children ?? [], path)];
  });
}
