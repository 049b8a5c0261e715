import { Button, ButtonGroup } from '../../../ui/ui';

/** Save and cancel buttons of an action form. */
export function FormKnoppen({ bezig, opslaan, sluit }: { bezig: boolean; opslaan: string; sluit: () => void }) {
  return (
    <ButtonGroup>
      <Button type="submit" variant="primary" busy={bezig} disabled={bezig}>
        {opslaan}
      </Button>
      <Button variant="subtle" onClick={sluit}>
        Annuleren
      </Button>
    </ButtonGroup>
  );
}
