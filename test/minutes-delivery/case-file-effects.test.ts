import fc from 'fast-check';
import { CASE_FILE_OFFER, caseFileContext, caseFileInfoEffect, caseFileName, caseFileOfferEffect, caseFileUploadEffect } from '../../src/minutes-delivery/case-file-effects';
import { effectsOf } from '../../src/use-cases/review-effects';
import { markedReview } from '../domain/minutes-delivery/marked-review';

const review = markedReview();
const withCases = (refs: string[], meetingDate = '2026-12-01') => ({
  ...review,
  setUp: { ...review.setUp!, meetingDate, children: refs.map((caseReference, i) => ({ key: `c${i}`, firstName: `Child ${i}`, caseReference })) },
});

describe('the case file effects', () => {
  it.each([
    [['CIN-1'], '2026-12-01', 'CIN review minutes (professionals), CIN-1, meeting on Tue 1 Dec 2026.pdf'],
    [['CIN-1', 'CIN-2', 'CIN-1'], '2027-03-28', 'CIN review minutes (professionals), CIN-1, CIN-2, meeting on Sun 28 Mar 2027.pdf'],
    [['A/B:C*?'], '2026-12-01', 'CIN review minutes (professionals), A B C , meeting on Tue 1 Dec 2026.pdf'],
  ])('names the file for %j met on %s: %s', (refs, date, name) => {
    expect(caseFileName(withCases(refs, date))).toBe(name);
  });

  it('never names a file with a character a file system refuses, and always as a PDF', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 30 }), (refs) => {
        const name = caseFileName(withCases(refs));
        expect(name).not.toMatch(/[\\/:*?"<>|#%\u0000-\u001f]/);
        expect(name.endsWith('.pdf')).toBe(true);
        expect(name.length).toBeLessThanOrEqual(200);
      }),
    );
  });

  it('one upload per offer and one file info card per upload, whatever Teams sends', () => {
    const upload = { uploadUrl: 'https://contoso-my.sharepoint.com/upload/1', contentUrl: 'https://contoso-my.sharepoint.com/f/1', name: 'm.pdf', uniqueId: 'u1', fileType: 'pdf' };
    const first = caseFileUploadEffect(review, 'sign-off', upload);
    const again = caseFileUploadEffect(review, 'sign-off', { ...upload, uploadUrl: 'https://contoso-my.sharepoint.com/upload/2', uniqueId: 'u2' });
    expect(again.key).toBe(first.key);
    expect(caseFileUploadEffect(review, 'other-offer', upload).key).not.toBe(first.key);
    const info = caseFileInfoEffect(review.id, first.payload as never);
    // The upload URL lets anyone write to the chair's OneDrive until the session ends: it is not kept past the upload.
    expect(JSON.stringify(info.payload)).not.toContain('upload/1');
    expect(info.key).toBe(`${first.key.replace(/:upload$/, '')}:info`);
  });

  it('is offered at sign-off to a chair Teams gave an Entra id, paced with their 1:1 chat; never for a chair without one', () => {
    const signedOff = [{ type: 'signed-off' as const, by: review.chair, at: '2026-12-01T10:00:00Z' }];
    const withAad = { ...review, chair: { ...review.chair, aadObjectId: 'aad-chair' } };
    expect(effectsOf(withAad, signedOff).filter((e) => e.kind === CASE_FILE_OFFER)).toEqual([caseFileOfferEffect(withAad, 'sign-off')]);
    expect(caseFileOfferEffect(withAad, 'sign-off')).toMatchObject({ conversationId: 'personal:aad-chair', payload: { offerId: 'sign-off', chair: { aadObjectId: 'aad-chair', tenantId: review.tenantId } } });
    const { aadObjectId: _none, ...noAad } = review.chair;
    expect(effectsOf({ ...review, chair: noAad }, signedOff).map((e) => e.kind)).not.toContain(CASE_FILE_OFFER);
    expect(effectsOf(withAad, [{ type: 'moved' } as never]).map((e) => e.kind)).not.toContain(CASE_FILE_OFFER);
  });

  it.each([
    [{ reviewId: 'r1', offerId: 'sign-off' }, true],
    [{ reviewId: 'r1', offerId: 'a'.repeat(64) }, true],
    [{ reviewId: 'r1', offerId: '../x' }, false],
    [{ reviewId: '', offerId: 'sign-off' }, false],
    [{ reviewId: 'r1' }, false],
    ['r1', false],
  ])('reads %j as an offer of ours: %s', (context, ok) => {
    expect(caseFileContext.safeParse(context).success).toBe(ok);
  });
});
