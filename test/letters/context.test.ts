// Negation, time, intensity and quiet distress (the cases, one test each).
import t from 'tap'
import { concernOf, interestsOf, themesOf } from './helpers'

t.test('negation: a worry the child says they do not have is no worry', async (t) => {
  t.equal(concernOf("I'm not scared at all."), 'none')
  t.equal(concernOf("I don't think I'll get lost."), 'none')
  t.equal(concernOf("I'm not worried about anything really."), 'none')
  t.equal(concernOf('Nothing worries me.'), 'none')
  t.equal(concernOf("Don't worry about anything, you'll be fine!"), 'none')
  t.equal(concernOf('I have never been bullied.'), 'none')
})

t.test('a negation inside a worry phrase is part of the worry', async (t) => {
  t.same(themesOf("I hope I don't get lost."), ['getting_lost'])
  t.same(themesOf("I'm not sure if I will make friends."), ['friendships'])
  t.equal(concernOf("I can't wait for September!"), 'none')
})

t.test('time: a past worry is no worry, a past interest is no interest', async (t) => {
  t.equal(concernOf("I used to be nervous but now I'm excited."), 'none')
  t.equal(concernOf('I was scared at first but now I feel fine.'), 'none')
  t.same(interestsOf('I used to do ballet.'), [])
  t.same(interestsOf('I used to do ballet but I stopped. Now I do street dance and I love it.'), ['dance'])
  t.equal(concernOf('My big sister says you get used to it.'), 'none')
})

t.test('intensity: "a bit nervous" is ordinary, strong words are high', async (t) => {
  t.equal(concernOf("I'm a bit nervous about secondary."), 'some')
  t.equal(concernOf("I'm really really scared about secondary."), 'high')
  t.equal(concernOf("I can't sleep because of it."), 'high')
  t.equal(concernOf('I cry every night.'), 'high')
  t.equal(concernOf('Nobody likes me.'), 'high')
  t.equal(concernOf("I don't want to go."), 'high')
  t.equal(concernOf("I'm sooo scared of going."), 'high')
})

t.test('ordinary transition nerves mixed with excitement are some, never high', async (t) => {
  t.equal(concernOf("I'm nervous about getting lost, the homework and the strict teachers, but I'm excited about science."), 'some')
  t.equal(concernOf("I'm a bit scared of the bigger kids but I can't wait to play football."), 'some')
  t.equal(concernOf("The school is HUGE and I'm a bit worried I'll get lost lol."), 'some')
})

t.test('pervasive worry with no excitement is high', async (t) => {
  t.equal(concernOf("I'm worried about getting lost. I'm worried about the homework. I'm worried about the big kids."), 'high')
})

t.test('quiet, well-spelled distress is high', async (t) => {
  t.equal(concernOf('I hope I can find someone to sit with this time.'), 'high')
  t.equal(concernOf('I mostly stayed in the library at lunch.'), 'high')
  t.equal(concernOf("I don't really know anyone who is going so I hope someone talks to me."), 'high')
  t.same(themesOf('I hope someone talks to me.'), ['friendships'])
})

t.test('interests only where the child likes or wants something now', async (t) => {
  t.same(interestsOf('I hate football.'), [])
  t.same(interestsOf("I don't like football but I love swimming."), ['swimming'])
  t.same(interestsOf("I'm nervous about maths."), [])
  t.same(interestsOf('I want to join the netball team and do science in a real lab.'), ['netball', 'science'])
  t.same(interestsOf('i like football and fifa'), ['football', 'gaming'])
})

t.test('who does what to whom: children hurting a child is bullying, not abuse', async (t) => {
  t.same(themesOf('The kids in my class push me over every day.'), ['bullying'])
  t.equal(concernOf('The kids in my class push me over every day.'), 'high')
  t.equal(concernOf("I'm scared they'll push me in the corridors."), 'some')
})

t.test('bullying in the words children use', async (t) => {
  t.same(themesOf('i get called names by year 8s and they take my lunch money'), ['bullying', 'older_pupils'])
  t.equal(concernOf('i get called names by year 8s and they take my lunch money'), 'high')
  t.same(themesOf("I'm a bit worried about getting bullied."), ['bullying'])
  t.equal(concernOf("I'm a bit worried about getting bullied."), 'some')
})

t.test('family changes and illness are family worries', async (t) => {
  t.same(themesOf('My mum and dad split up this year.'), ['family'])
  t.same(themesOf('My parents are divorced.'), ['family'])
})

t.test('being good at something now is an interest', async (t) => {
  t.same(interestsOf("My coach says I'm a good footballer."), ['football'])
  t.same(interestsOf("I'm a bit nervous about the swimming test."), [])
})
