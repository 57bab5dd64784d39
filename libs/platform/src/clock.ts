import { Injectable } from '@nestjs/common';

/** The current time, behind an adapter so that tests can fix it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
