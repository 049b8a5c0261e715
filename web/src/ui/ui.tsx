// Small typed React wrappers around the NL Design System (Utrecht) CSS components: one import for the pages.
import './nlds.css';

export { Bladeren, bladzijde } from './Bladeren'; // issue 16: paging a loaded list
export { type BadgeStatus, BezettingsBalk, StatusBadge } from './badges';
export { Button, ButtonGroup, type ButtonProps } from './buttons';
export { Formulier, type FormulierProps } from './Formulier'; // issue 16: forms with a draft
export { Alert, type AlertType, ErrorAlert, ErrorSummary, Loading, PaginaFout, type SummaryError } from './feedback';
export {
  CheckboxField,
  type CheckboxFieldProps,
  SelectField,
  type SelectFieldProps,
  TextareaField,
  type TextareaFieldProps,
  TextField,
  type TextFieldProps,
} from './fields';
export { Fieldset, RadioGroup } from './fieldsets';
export { FormErrors } from './formErrors';
export { Inklapblok } from './Inklapblok'; // issue 16: a secondary section behind <details>
export { Inklapper } from './Inklapper';
export { Card, Pagination } from './navigation';
export { DataList, Table, TBody, Td, THead, Th, Tr } from './tables';
export { Heading, Paragraph, UnorderedList } from './typography';
export { Uitklap } from './Uitklap';
export { useTitel } from './useTitel';
