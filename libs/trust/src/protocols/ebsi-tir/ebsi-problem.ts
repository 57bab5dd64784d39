import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/**
 * An error answered the way EBSI's Trusted Issuers Registry answers it (problem+json with its
 * titles and details, e.g. "Issuer Not Found"), so that EBSI clients read it as they expect.
 * Anything else thrown on these routes (the anonymous budget, an outage) keeps Tessera's own
 * problem+json from the global filter.
 */
export class EbsiProblem extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly title: string,
    readonly detail: string,
    /** EBSI's 400 for paging carries no `type`; its others say `about:blank`. */
    readonly type: string | null = 'about:blank',
  ) {
    super(detail);
    this.name = 'EbsiProblem';
  }

  static badDid(): EbsiProblem {
    return new EbsiProblem(400, 'Bad Request', JSON.stringify(['did must be a valid DID v1']));
  }

  static badPaging(detail: string): EbsiProblem {
    return new EbsiProblem(400, 'Bad Paging Request', detail, null);
  }

  static badAttributeId(): EbsiProblem {
    return new EbsiProblem(400, 'Bad Request', JSON.stringify(['attributeId must be a hexadecimal SHA-256 (64 digits)']));
  }

  static issuerNotFound(did: string): EbsiProblem {
    return new EbsiProblem(404, 'Issuer Not Found', `Issuer ${did} not found`);
  }

  static attributeNotFound(attributeId: string): EbsiProblem {
    return new EbsiProblem(404, 'Attribute Not Found', `Attribute ${attributeId} not found`);
  }
}

@Catch(EbsiProblem)
export class EbsiProblemFilter implements ExceptionFilter {
  catch(problem: EbsiProblem, host: ArgumentsHost): void {
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(problem.status)
      .header('content-type', 'application/problem+json')
      .send({ title: problem.title, status: problem.status, detail: problem.detail, ...(problem.type === null ? {} : { type: problem.type }) });
  }
}
