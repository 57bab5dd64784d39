import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';

/** For a bare `id` argument: a UUID, or BAD_USER_INPUT naming the argument. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value;
    throw DomainError.badInput([{ field: metadata.data ?? 'id', message: 'must be a UUID' }]);
  }
}
