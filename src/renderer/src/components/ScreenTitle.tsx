import { useEffect, useRef, type ReactNode } from 'react';

export interface ScreenTitleProps {
  children: ReactNode;
  /** Move keyboard and screen-reader focus here when the screen appears. */
  focusOnMount?: boolean;
  className?: string;
  id?: string;
}

/** The one h1 of a screen. Focus lands here on screen change so nobody is left on a removed element. */
export function ScreenTitle({ children, focusOnMount = true, className, id }: ScreenTitleProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className={['screen-title', className].filter(Boolean).join(' ')}>
      {children}
    </h1>
  );
}
