import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frequencyText, levelText, nearestIndex, readout } from '../../ui/plotmath.js';

test('nearestIndex finds the closest of ascending values, ends included', () => {
  const xs = [0, 10, 20, 30];
  assert.equal(nearestIndex(xs, -5), 0);
  assert.equal(nearestIndex(xs, 4), 0);
  assert.equal(nearestIndex(xs, 6), 1);
  assert.equal(nearestIndex(xs, 29), 3);
  assert.equal(nearestIndex(xs, 99), 3);
  assert.equal(nearestIndex([], 1), -1);
});

test('frequencies and levels read as people write them', () => {
  assert.equal(frequencyText(63.4), '63 Hz');
  assert.equal(frequencyText(1019.6), '1.02 kHz');
  assert.equal(frequencyText(12_800), '12.8 kHz');
  assert.equal(levelText(2.345), '+2.3 dB');
  assert.equal(levelText(-0.44), '−0.4 dB');
  assert.equal(levelText(-0.04), '0.0 dB');
});

test('the readout lists the shown curves at one frequency', () => {
  const series = [{ label: 'HD 650', db: [1, -2.5] }, { label: 'Target', db: [0, 0.25] }];
  assert.equal(readout([20, 1000], series, new Set(), 1), '1.00 kHz: HD 650 −2.5 dB · Target +0.3 dB');
  assert.equal(readout([20, 1000], series, new Set([0]), 0), '20 Hz: Target 0.0 dB');
  assert.equal(readout([20, 1000], series, new Set([0, 1]), 0), '20 Hz: every curve is hidden');
});
