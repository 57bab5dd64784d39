import { Injectable } from '@nestjs/common';

/** The current time, behind an adapter so that tests can fix it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that says what a test tells it to. */
export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  override now(): Date {
    return new Date(this.current);
  }
  set(at: Date): void {
    this.current = new Date(at);
  }
}
