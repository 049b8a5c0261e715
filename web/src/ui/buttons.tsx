// Buttons and button groups (NL Design System / Utrecht CSS).
import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { cx } from './cx';

type ButtonVariant = 'primary' | 'secondary' | 'subtle';
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  danger?: boolean;
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}
export function Button({
  variant = 'secondary',
  danger,
  busy,
  className,
  type = 'button',
  children,
  disabled,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(
        'utrecht-button',
        `utrecht-button--${variant === 'primary' ? 'primary-action' : variant === 'secondary' ? 'secondary-action' : 'subtle'}`,
        type === 'submit' && 'utrecht-button--submit',
        danger && 'utrecht-button--danger',
        busy && 'utrecht-button--busy',
        disabled && 'utrecht-button--disabled',
        className,
      )}
      aria-busy={busy || undefined}
      disabled={disabled}
      {...rest}
    >
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="utrecht-button-group utrecht-button-group--row">{children}</div>;
}
