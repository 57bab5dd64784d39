import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, mergeMap, type Observable } from 'rxjs';
import { TrustIndexService } from './trust-index.service.js';

/**
 * Read-your-writes for trust (DESIGN §3, Exactness): a GraphQL mutation returns only after this
 * instance's trust index holds everything committed up to its end, so the very next question
 * sees the change. Mutations that change nothing trust-relevant pay one indexed query.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  private readonly logger = new Logger('TrustIndex');

  constructor(private readonly index: TrustIndexService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!isTopLevelMutation(context)) return next.handle();
    // The mutation has committed: if the index cannot catch up now (the database just went away),
    // the write still succeeded and is reported so; the index catches up when the database is back.
    const caughtUp = (result: unknown) =>
      this.index.catchUp().then(
        () => result,
        (error: unknown) => {
          this.logger.warn({ msg: 'trust index could not catch up after a mutation', err: (error as Error).message });
          return result;
        },
      );
    return next.handle().pipe(mergeMap((result) => from(caughtUp(result))));
  }
}

function isTopLevelMutation(context: ExecutionContext): boolean {
  if (context.getType<string>() !== 'graphql') return false;
  const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
  return info.operation.operation === 'mutation' && info.path.prev === undefined;
}
