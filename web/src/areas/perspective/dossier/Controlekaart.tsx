// Perspective section: the three-month control (days in shelter against the norm (tenant setting, default 91 days)).
import { BezettingsBalk, Heading, Paragraph } from '../../../ui/ui';
import { SignaalBadge } from '../PerspectiefBadges';
import type { Controle } from '../perspectiefApi';

export function Controlekaart({ c }: { c: Controle }) {
  return (
    <div className={c.bovenDoel ? 'onderdak-card onderdak-card--warning' : 'onderdak-card'}>
      <Heading level={3}>Driemaandencontrole</Heading>
      <Paragraph>
        <strong>
          {c.dagenInOpvang} van {c.doelDagen} dagen
        </strong>{' '}
        in de opvang <SignaalBadge c={c} />
      </Paragraph>
      <BezettingsBalk
        bezet={Math.min(c.dagenInOpvang, c.doelDagen)}
        totaal={c.doelDagen}
        label={`${c.dagenInOpvang} van de ${c.doelDagen} dagen verstreken`}
      />
      <Paragraph small>
        {c.resterendeDagen >= 0
          ? `Nog ${c.resterendeDagen} dagen tot de norm van drie maanden.`
          : `${-c.resterendeDagen} dagen over de norm van drie maanden.`}{' '}
        Signalen na 6, 10 en 12 weken.
      </Paragraph>
    </div>
  );
}
