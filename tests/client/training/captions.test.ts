import { describe, expect, it } from 'vitest';
import {
  blankItemForm,
  itemForm,
  itemFromForm,
  previewItem,
} from '../../../client/src/features/training/authoring-items.ts';
import { captionsBlob, captionsOf } from '../../../client/src/features/training/captions.ts';

const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello <b>there</b>\n';

describe('WebVTT captions for the player', () => {
  it('gives a <track> the captions only when they are WebVTT', () => {
    expect(captionsOf({ captionsVtt: VTT })).toBe(VTT);
    expect(captionsOf({ captionsVtt: '\uFEFFWEBVTT\n' })).toBe('\uFEFFWEBVTT\n');
    expect(captionsOf({})).toBeNull();
    expect(captionsOf({ captionsVtt: '' })).toBeNull();
    expect(captionsOf({ captionsVtt: 'Hello there' })).toBeNull();
  });

  it('makes a text/vtt Blob of the captions, unchanged', async () => {
    const blob = captionsBlob(VTT);
    expect(blob.type).toBe('text/vtt');
    expect(await blob.text()).toBe(VTT);
  });
});

describe("the course editor's captions box", () => {
  const video = {
    ...blankItemForm('video'),
    title: 'Watch',
    url: 'https://video.example.org/a.mp4',
    durationMinutes: '2',
  };

  it('sends captions as typed, none when blank, and says when they are not WebVTT', () => {
    const withCaptions = itemFromForm({ ...video, captionsVtt: VTT });
    expect(withCaptions.ok && withCaptions.item).toMatchObject({ captionsVtt: VTT });
    const blank = itemFromForm({ ...video, captionsVtt: '  ' });
    expect(blank.ok && blank.item).not.toHaveProperty('captionsVtt');
    expect(itemFromForm({ ...video, captionsVtt: 'not captions' })).toEqual({
      ok: false,
      problems: { captionsVtt: 'webVtt' },
    });
  });

  it('keeps captions through editing and in the learner preview', () => {
    const checked = itemFromForm({ ...video, captionsVtt: VTT });
    if (!checked.ok) throw new Error('the form should be valid');
    expect(itemForm(checked.item).captionsVtt).toBe(VTT);
    expect(previewItem(checked.item, 'c1', 'm1').video?.captionsVtt).toBe(VTT);
  });
});
