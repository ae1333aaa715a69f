import { inBothLanguages } from './locale';
import { inputMessage, readInputMessage } from './input-message';

describe('bilingual input messages', () => {
  it('reads back the text a schema wrote', () => {
    const text = { id: 'Tidak ada perubahan', en: 'Nothing to change' };
    expect(readInputMessage(inputMessage(text))).toEqual(text);
  });

  it("leaves zod's own messages (English only) alone", () => {
    expect(readInputMessage('Invalid input')).toBeNull();
  });
});

describe('inBothLanguages', () => {
  it('fills each language and puts Indonesian first', () => {
    expect(
      inBothLanguages({ id: 'Undangan ke {workspace}', en: 'Invitation to {workspace}' }, { workspace: 'KSPI' }),
    ).toBe('Undangan ke KSPI / Invitation to KSPI');
  });
});
