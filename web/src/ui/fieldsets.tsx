// Fieldsets and radio groups (NL Design System / Utrecht CSS).
import type { ReactNode } from 'react';
import { cx } from './cx';

export function Fieldset({
  legend,
  children,
  error,
  id,
  description,
}: {
  legend: ReactNode;
  children: ReactNode;
  error?: string;
  id?: string;
  description?: ReactNode;
}) {
  const errId = error && id ? `${id}-fout` : undefined;
  const descId = description && id ? `${id}-omschrijving` : undefined;
  return (
    <fieldset
      id={id}
      className={cx(
        'utrecht-form-fieldset',
        'utrecht-form-fieldset--html-fieldset',
        error && 'utrecht-form-fieldset--invalid',
      )}
      aria-describedby={[errId, descId].filter(Boolean).join(' ') || undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
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
      {children}
    </fieldset>
  );
}

export function RadioGroup<V extends string>({
  idPrefix,
  name,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  idPrefix: string;
  name: string;
  legend: ReactNode;
  options: { value: V; label: ReactNode }[];
  value: V | '';
  onChange: (v: V) => void;
  error?: string;
}) {
  return (
    <Fieldset legend={legend} error={error} id={`${idPrefix}-${name}`}>
      <div className="onderdak-radiogroup">
        {options.map((o, i) => (
          <Radio
            key={o.value}
            id={i === 0 ? `${idPrefix}-${name}-eerste` : `${idPrefix}-${name}-${o.value}`}
            name={`${idPrefix}-${name}`}
            label={o.label}
            value={o.value}
            checked={value === o.value}
            invalid={!!error}
            onChange={() => onChange(o.value)}
          />
        ))}
      </div>
    </Fieldset>
  );
}

function Radio({
  id,
  name,
  label,
  value,
  checked,
  invalid,
  onChange,
}: {
  id: string;
  name: string;
  label: ReactNode;
  value: string;
  checked: boolean;
  invalid: boolean;
  onChange: () => void;
}) {
  return (
    <div className="utrecht-form-field utrecht-form-field--radio">
      <div className="utrecht-form-field__input onderdak-checkbox-row">
        <input
          id={id}
          type="radio"
          name={name}
          value={value}
          checked={checked}
          onChange={onChange}
          className={cx(
            'utrecht-radio-button',
            'utrecht-radio-button--html-input',
            checked && 'utrecht-radio-button--checked',
            invalid && 'utrecht-radio-button--invalid',
          )}
        />
        <label
          htmlFor={id}
          className={cx('utrecht-form-label', 'utrecht-form-label--radio', checked && 'utrecht-form-label--checked')}
        >
          {label}
        </label>
      </div>
    </div>
  );
}
