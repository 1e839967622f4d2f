import { describe, expect, it } from 'vitest';
import { refusal, restartableStandinPerFile } from './helpers.ts';

/**
 * `$jsonSchema` and collection validators, as mongod applies them (found by mongoose's own
 * suite, gh-11162): a write that fails the validator is refused with code 121 and changes
 * nothing; the validator, level and action come from create or collMod and outlive a restart.
 */

const { db: database, restart } = restartableStandinPerFile(
  'mongo-standin-validation',
  'standin_validation',
);

const person = {
  bsonType: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    _id: { bsonType: 'objectId' },
    name: { bsonType: 'string', minLength: 1, maxLength: 20 },
    age: { bsonType: ['int', 'null'], minimum: 0, maximum: 130 },
    source: { enum: ['document', 'self-reported', null] },
    tags: { bsonType: 'array', items: { bsonType: 'string' }, uniqueItems: true },
  },
};

describe('$jsonSchema in a filter', () => {
  it('matches the documents the schema describes', async () => {
    const docs = database().collection('schema_find');
    await docs.insertMany([
      { _id: 1, name: 'Ana', age: 30 } as never,
      { _id: 2, name: '', age: 30 } as never,
      { _id: 3, name: 'Bo', age: 'thirty' } as never,
      { _id: 4, age: 5 } as never,
      { _id: 5, name: 'Cy', tags: ['a', 'a'] } as never,
      { _id: 6, name: 'Di', extra: true } as never,
    ]);
    const schema = { ...person, properties: { ...person.properties, _id: { bsonType: 'int' } } };
    const found = await docs.find({ $jsonSchema: schema }).toArray();
    expect(found.map((d) => d._id)).toEqual([1]);
  });

  it('refuses a keyword mongod does not know', async () => {
    const error = await refusal(
      database()
        .collection('schema_find')
        .findOne({ $jsonSchema: { format: 'email' } }),
    );
    expect(error?.message).toMatch(/Unknown \$jsonSchema keyword: format/);
  });
});

describe('a collection validator', () => {
  it('refuses an insert that fails it with code 121, and stores nothing', async () => {
    await database().createCollection('people', { validator: { $jsonSchema: person } });
    const people = database().collection('people');
    await people.insertOne({ name: 'Ana', age: 30, source: 'document' });
    const error = await refusal(people.insertOne({ name: 'Bo', source: 'something else' }));
    expect(error?.code).toBe(121);
    expect(error?.message).toMatch(/Document failed validation/);
    expect(await people.countDocuments()).toBe(1);
  });

  it('refuses an update that would break it, and the document stays as it was', async () => {
    const people = database().collection('people');
    const error = await refusal(people.updateOne({ name: 'Ana' }, { $set: { age: -1 } }));
    expect(error?.code).toBe(121);
    expect(await people.findOne({ name: 'Ana' }, { projection: { _id: 0 } })).toEqual({
      name: 'Ana',
      age: 30,
      source: 'document',
    });
    const found = await refusal(people.findOneAndUpdate({ name: 'Ana' }, { $unset: { name: '' } }));
    expect(found?.code).toBe(121);
  });

  it('lets a write through with bypassDocumentValidation', async () => {
    const people = database().collection('people');
    await people.insertOne({ name: 'Zed', mood: 'odd' }, { bypassDocumentValidation: true });
    expect(await people.countDocuments({ name: 'Zed' })).toBe(1);
  });

  it('at the moderate level, lets an update through on a document that was already invalid', async () => {
    const people = database().collection('people');
    await database().command({ collMod: 'people', validationLevel: 'moderate' });
    await people.updateOne({ name: 'Zed' }, { $set: { mood: 'odder' } });
    expect((await people.findOne({ name: 'Zed' }))?.mood).toBe('odder');
    const error = await refusal(people.updateOne({ name: 'Ana' }, { $set: { mood: 'x' } }));
    expect(error?.code).toBe(121);
  });

  it('is replaced by collMod, and a bad one is refused with the old one kept', async () => {
    const error = await refusal(
      database().command({ collMod: 'people', validator: { age: { $bad: 1 } } }),
    );
    expect(error?.message).toMatch(/\$bad/);
    await database().command({
      collMod: 'people',
      validator: { age: { $gte: 18 } },
      validationLevel: 'strict',
    });
    const people = database().collection('people');
    expect((await refusal(people.insertOne({ name: 'Kid', age: 9 })))?.code).toBe(121);
    await people.insertOne({ name: 'Adult', age: 40 });
    const [info] = await database().listCollections({ name: 'people' }).toArray();
    expect((info as unknown as { options: { validator: unknown } }).options.validator).toEqual({
      age: { $gte: 18 },
    });
  });

  it('outlives a restart', async () => {
    await restart();
    const error = await refusal(database().collection('people').insertOne({ name: 'Kid', age: 9 }));
    expect(error?.code).toBe(121);
  });

  it('lets everything through with the warn action', async () => {
    await database().command({ collMod: 'people', validationAction: 'warn' });
    await database().collection('people').insertOne({ name: 'Kid', age: 9 });
    expect(await database().collection('people').countDocuments({ name: 'Kid' })).toBe(1);
  });
});
