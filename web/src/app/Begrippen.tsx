// Issue 16: the glossary page (/begrippen), linked from the footer; every term has an anchor (#id) for links.
import { Heading, Paragraph, useTitel } from '../ui/ui';
import { BEGRIPPEN } from './begrippen';

export function BegrippenPage() {
  useTitel('Begrippen');
  return (
    <div className="onderdak-narrow">
      <Heading level={1}>Begrippen</Heading>
      <Paragraph lead>Wat de woorden in Onderdak betekenen. Zo schrijven we ze ook overal.</Paragraph>
      <dl className="onderdak-begrippen">
        {BEGRIPPEN.map((b) => (
          <div key={b.id} id={b.id} className="onderdak-begrippen__item">
            <dt className="onderdak-begrippen__term">{b.term}</dt>
            <dd className="onderdak-begrippen__uitleg">{b.uitleg}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
