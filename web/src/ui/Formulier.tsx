// Issue 16: a form that keeps what is typed as a draft (web/src/ui/concept.ts). Use it for a form with free text that
// is not inside an <Uitklap> (which keeps drafts by itself): <Formulier concept={`bericht:${clientId}`} …>. The draft
// ends when a mutation started by the submit succeeds, on `onAnnuleren`-style calls of wisConcept(key), and on logout.
import { type FormHTMLAttributes, useRef } from 'react';
import { useVeldConcept } from './concept';

export interface FormulierProps extends FormHTMLAttributes<HTMLFormElement> {
  /** Key of the draft, unique per form and object (e.g. `dienstoverdracht:${locatieId}`); none: no draft. */
  concept?: string;
}

export function Formulier({ concept, onSubmit, onInput, onChange, children, ...rest }: FormulierProps) {
  const ref = useRef<HTMLFormElement>(null);
  const { handlers } = useVeldConcept(ref, concept ?? null);
  return (
    <form
      ref={ref}
      noValidate
      {...rest}
      onInput={(e) => {
        onInput?.(e);
        handlers.onInput();
      }}
      onChange={(e) => {
        onChange?.(e);
        handlers.onChange();
      }}
      onSubmit={(e) => {
        handlers.onSubmitCapture();
        try {
          onSubmit?.(e);
        } finally {
          handlers.onSubmit();
        }
      }}
    >
      {children}
    </form>
  );
}
