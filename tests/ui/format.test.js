import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as f from '../../ui/format.js';

test('unknown figures read as not published, never as zero', () => {
  assert.equal(f.impedance(null), f.UNKNOWN);
  assert.equal(f.sensitivity(null), f.UNKNOWN);
  assert.equal(f.grams(undefined), f.UNKNOWN);
  assert.equal(f.frequencyRange(null), f.UNKNOWN);
  assert.equal(f.yesNo(null), f.UNKNOWN);
  assert.equal(f.tierLabel(null), f.UNKNOWN);
  assert.equal(f.price(null), f.UNKNOWN);
  assert.equal(f.impedance(0), '0 Ω', 'a real zero is still shown');
});

test('sensitivity keeps its unit and reference frequency', () => {
  assert.equal(f.sensitivity({ value: 96, unit: 'dB/mW', ref_hz: 500 }), '96 dB SPL/mW at 500 Hz');
  assert.equal(f.sensitivity({ value: 103, unit: 'dB/V', ref_hz: null }), '103 dB SPL/V');
  assert.equal(f.sensitivity({ value: 97.84, unit: 'dB/V', ref_hz: 1000 }), '97.8 dB SPL/V at 1 kHz');
});

test('frequency ranges and names', () => {
  assert.equal(f.frequencyRange({ low_hz: 5, high_hz: 35000 }), '5 Hz – 35 kHz');
  assert.equal(f.modelName({ brand: 'Beyerdynamic', model: 'DT 770 Pro', variant: '80 ohm' }), 'Beyerdynamic DT 770 Pro 80 ohm');
  assert.equal(f.modelName({ brand: '', model: 'My demo pair', variant: null }), 'My demo pair');
});

test('cables say what is known and what is not', () => {
  assert.equal(f.cable({ detachable: false, length_m: 3, style: 'coiled', connector: '3.5 mm' }), 'Fixed, 3 m coiled, 3.5 mm');
  assert.equal(f.cable({ detachable: true, length_m: null, style: 'both', connector: null }), 'Detachable, straight and coiled');
  assert.equal(f.cable({ detachable: null, length_m: null, style: null, connector: null }), 'detachable: not published');
});

test('labels are the vocabulary\'s, whatever it says; before it, wire names; unknown stays unknown', () => {
  assert.equal(f.backLabel('semi-open'), 'semi-open', 'no vocabulary yet');
  const list = (...pairs) => pairs.map(([value, label]) => ({ value, label }));
  f.useVocabulary({
    backs: list(['semi-open', 'Half open (test)']),
    tiers: list(['high-end', 'Top (test)']),
    transducers: list(['planar-magnetic', 'Flat (test)']),
    loudness: list(['too-quiet', 'Quiet (test)']),
    fits: list(['great', 'Fine (test)']),
  });
  assert.equal(f.backLabel('semi-open'), 'Half open (test)');
  assert.equal(f.tierLabel('high-end'), 'Top (test)');
  assert.equal(f.transducerLabel('planar-magnetic'), 'Flat (test)');
  assert.equal(f.verdictLabel('too-quiet'), 'Quiet (test)');
  assert.equal(f.fitLabel('great'), 'Fine (test)');
  assert.equal(f.tierLabel('budget'), 'budget', 'a value the vocabulary lacks reads as itself');
  assert.equal(f.verdictLabel(null), f.UNKNOWN);
});

test('headroom reads with its sign', () => {
  assert.equal(f.signedDb(4.23), '+4.2 dB');
  assert.equal(f.signedDb(-3), '−3.0 dB');
  assert.equal(f.signedDb(0), '±0.0 dB');
  assert.equal(f.signedDb(null), f.UNKNOWN);
});

test('loudness bars are clamped to the scale', () => {
  const bar = f.loudnessBar(107.5, 110);
  assert.equal(bar.fill, 50);
  assert.ok(Math.abs(bar.target - (30 / 55) * 100) < 1e-9, `${bar.target}`);
  assert.equal(f.loudnessBar(60, 110).fill, 0);
  assert.equal(f.loudnessBar(150, 110).fill, 100);
});

test('the table shows sensitivity short, with its unit', () => {
  assert.equal(f.sensitivityShort({ value: 96, unit: 'dB/mW', ref_hz: 500 }), '96 dB/mW');
  assert.equal(f.sensitivityShort(null), f.UNKNOWN);
});
