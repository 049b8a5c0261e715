// Form fields: label, description and error message around one input (NL Design System / Utrecht CSS).
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cx } from './cx';

interface FieldShellProps {
  id: string;
  required?: boolean;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
  kind?: 'checkbox' | 'radio';
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}
function FieldShell({ id, label, description, error, optional, required, kind, children }: FieldShellProps) {
  const descId = description ? `${id}-omschrijving` : undefined;
  const errId = error ? `${id}-fout` : undefined;
  const describedBy = [errId, descId].filter(Boolean).join(' ') || undefined;
  const aria = { 'aria-describedby': describedBy, 'aria-invalid': error ? (true as const) : undefined };
  if (kind === 'checkbox') {
    return (
      <div className={cx('utrecht-form-field', 'utrecht-form-field--checkbox', error && 'utrecht-form-field--invalid')}>
        <div className="utrecht-form-field__input onderdak-checkbox-row">
          {children(aria)}
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
            {label}
          </label>
        </div>
        {description && (
          <div id={descId} className="utrecht-form-field-description">
            {description}
          </div>
        )}
        {error && (
          <div id={errId} className="utrecht-form-field-error-message">
            {error}
          </div>
        )}
      </div>
    );
  }
  return (
    <div className={cx('utrecht-form-field', error && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {/* issue 16: never on a required field */}
          {optional && !required && <span className="onderdak-optioneel"> (niet verplicht)</span>}
        </label>
      </div>
      {description && (
        <div id={descId} className="utrecht-form-field-description">
          {description}
        </div>
      )}
      {error && (
        <div id={errId} className="utrecht-form-field-error-message">
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">{children(aria)}</div>
    </div>
  );
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
}
export function TextField({
  id,
  label,
  description,
  error,
  optional,
  className,
  type = 'text',
  ...rest
}: TextFieldProps) {
  return (
    <FieldShell
      id={id}
      label={label}
      description={description}
      error={error}
      optional={optional}
      required={rest.required}
    >
      {(aria) => (
        <input
          id={id}
          type={type}
          className={cx(
            'utrecht-textbox',
            'utrecht-textbox--html-input',
            error && 'utrecht-textbox--invalid',
            type === 'password' && 'utrecht-textbox--password',
            className,
          )}
          {...aria}
          {...rest}
        />
      )}
    </FieldShell>
  );
}

export interface TextareaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
}
export function TextareaField({
  id,
  label,
  description,
  error,
  optional,
  required,
  rows = 3,
  ...rest
}: TextareaFieldProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional} required={required}>
      {(aria) => (
        <textarea
          id={id}
          rows={rows}
          required={required}
          className={cx('utrecht-textarea', 'utrecht-textarea--html-textarea', error && 'utrecht-textarea--invalid')}
          {...aria}
          {...rest}
        />
      )}
    </FieldShell>
  );
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
  children: ReactNode;
}
export function SelectField({
  id,
  label,
  description,
  error,
  optional,
  required,
  children,
  ...rest
}: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} optional={optional} required={required}>
      {(aria) => (
        <select
          id={id}
          required={required}
          className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid')}
          {...aria}
          {...rest}
        >
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
}
export function CheckboxField({ id, label, description, error, ...rest }: CheckboxFieldProps) {
  return (
    <FieldShell id={id} label={label} description={description} error={error} kind="checkbox">
      {(aria) => (
        <input id={id} type="checkbox" className="utrecht-checkbox utrecht-checkbox--html-input" {...aria} {...rest} />
      )}
    </FieldShell>
  );
}
