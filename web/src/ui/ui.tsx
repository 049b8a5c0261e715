// Small typed React wrappers around the NL Design System (Utrecht) CSS components: one import for the pages.
export { Heading, Paragraph, UnorderedList } from './typography';
export { Button, ButtonGroup, type ButtonProps } from './buttons';
export { Alert, ErrorAlert, ErrorSummary, Loading, PaginaFout, type AlertType, type SummaryError } from './feedback';
export { BezettingsBalk, StatusBadge, type BadgeStatus } from './badges';
export { FormErrors } from './formErrors';
export {
  CheckboxField, SelectField, TextareaField, TextField,
  type CheckboxFieldProps, type SelectFieldProps, type TextareaFieldProps, type TextFieldProps,
} from './fields';
export { Fieldset, RadioGroup } from './fieldsets';
export { DataList, Table, TBody, Td, Th, THead, Tr } from './tables';
export { Card, Pagination } from './navigation';
export { Uitklap } from './Uitklap';
export { useTitel } from './useTitel';
