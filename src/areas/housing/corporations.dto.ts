// Woningcorporaties: response schemas and shaping.
import { z } from '@hono/zod-openapi';

export const Corporatie = z
  .object({
    id: z.string(),
    naam: z.string(),
    email: z.string().nullable(),
    telefoon: z.string().nullable(),
  })
  .openapi('Corporatie');
export const Corporaties = z.object({ resultaten: z.array(Corporatie) }).openapi('Corporaties');

export function corporationDto(r: {
  id: string;
  name: string;
  contact_email: string | null;
  contact_phone: string | null;
}): z.infer<typeof Corporatie> {
  return { id: r.id, naam: r.name, email: r.contact_email, telefoon: r.contact_phone };
}
