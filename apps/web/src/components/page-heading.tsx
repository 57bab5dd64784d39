import { type HTMLAttributes, useEffect, useRef } from 'react';
import { takeHeadingFocus } from '../routing/router';

/** A page's h1; after a move from another page it takes the focus when it appears. */
export function PageHeading(props: HTMLAttributes<HTMLHeadingElement>) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeHeadingFocus()) heading.current?.focus();
  }, []);
  return <h1 ref={heading} tabIndex={-1} {...props} />;
}
