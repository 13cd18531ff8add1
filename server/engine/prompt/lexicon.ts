/**
 * The vocabulary the prompt reader matches: for every action id, the words and phrases animators use for it.
 *
 * Patterns are written over lemmas (compromise gives "picks" → "pick", "boxes" → "box"), one pattern per
 * comma-separated item:
 *   - a single word is a VERB trigger: it fires only where the word is used as a verb, never as a noun
 *     ("he boxes" → punch; "picks up a box" → no punch). Prefix `n:` for an activity NOUN ("a cartwheel",
 *     "a left jab", "10 push ups"), `a:` for a word that names the action in either role ("idle").
 *   - several words form a phrase; `x|y` is an alternative, a trailing `?` makes a word optional, `POSS`
 *     stands for an optional possessive/article ("his", "her", "their", "the", "a"), and `~up` is a particle that
 *     may come later in the clause ("picks it up").
 * Verbs marked `light` (throw, shoot, swing…) defer to an activity noun or a prop later in the clause
 * ("throws a punch" → punch, "shoots a bow and arrow" → archery, "swings a golf club" → golf swing).
 *
 * Hand-written because no library carries animation vocabulary; WordNet (see `wordnetMap.ts`) only widens the
 * verb side with synonyms and feeds the suggestions.
 */
import type { ActionId } from '../actions/actionIds.ts';

export const ACTION_PATTERNS: Record<ActionId, string> = {
  // Locomotion
  walk: 'walk,make POSS way,stroll,wander,amble,saunter,trudge,stride,pace,proceed,advance,head,go,move,step forward,walk forward,plod,traipse,n:walk,n:stroll',
  run: 'run,hurry,scurry,sprint,dash,race,rush,flee,charge,n:run,n:sprint,n:dash',
  jog: 'jog,trot,n:jog',
  sneak: 'sneak,creep,stalk,prowl,slink,walk stealthily,move stealthily,walk quietly',
  limp: 'limp,hobble,n:limp',
  march: 'march,parade,goose step,n:march',
  shuffle: 'shuffle,drag POSS feet',
  sidestep: 'sidestep,strafe,side step,step sideways,step to the side,walk sideways,move sideways,n:sidestep,side shuffle',
  backward: 'backpedal,retreat,back away,back up,walk backward|backwards,step back|backward|backwards,move backward|backwards,reverse',
  skip: 'skip,n:skip',
  tiptoe: 'tiptoe,walk on POSS? tiptoe|toe|tiptoes|toes,on tiptoe|tiptoes',
  strut: 'strut,prance,catwalk,walk a|the runway,model walk',
  stagger: 'stagger,reel,lurch,totter,wobble',
  zombieWalk: 'walk|shamble|lumber|move like a zombie,zombie walk|shamble,shamble,lumber',
  moonwalk: 'moonwalk,n:moonwalk',
  crouchWalk: 'crouch walk,walk crouched|crouching|hunched,walk in a crouch,move crouched,duck walk',
  drunkWalk: 'walk drunk|drunkenly|drunkly,drunk walk,stumble drunkenly,walk like POSS? drunk',
  injuredWalk: 'drag POSS left|right? leg,walk injured,walk wounded,injured walk,wounded walk,walk with a wound|injury,drag POSS leg,clutch POSS side and walk',
  swagger: 'swagger,walk with swagger,n:swagger,walk cool|coolly,walk confidently',
  powerWalk: 'power walk,speed walk,race walk,power-walk,n:power walk',
  // Travel and jumps
  turn: 'turn,rotate,pivot,face,about face,turn around,n:turn',
  spin: 'spin,twirl,pirouette,whirl,n:spin,n:twirl,n:pirouette',
  runInPlace: 'run in place,run on the spot,jog in place,jog on the spot,run on the spot,running in place',
  walkInPlace: 'walk in place,walk on the spot,march in place,march on the spot,step in place',
  jump: 'jump,leap,bound,spring,n:jump,n:leap,jump up,hop up and down',
  hop: 'hop,n:hop,hop on one leg|foot,jump on one leg|foot',
  leap: 'leap forward|over|across,big leap,n:leap forward,jump across|over a|the gap,leap over',
  longJump: 'long jump,broad jump,n:long jump,jump as far as,jump far',
  jumpInPlace: 'jump in place,jump on the spot,hop in place,jump up and down,bounce up and down,bounce in place',
  vault: 'vault,vault over,n:vault,jump over a|the fence|wall|box|obstacle|railing,hurdle,n:hurdle',
  crawl: 'get down on all fours,on all fours,crawl,crawl on POSS hands and knees,n:crawl,on POSS hands and knees',
  commandoCrawl: 'commando crawl,army crawl,belly crawl,crawl on POSS belly|stomach,low crawl,n:army crawl',
  // Terrain
  stairsUp: 'climb|walk|go|run|head|step up the|some stairs|staircase|steps,ascend POSS stairs|staircase|steps,climb stairs|staircase,walk upstairs,go upstairs,run upstairs,climb the? stair,upstairs',
  stairsDown: 'walk|go|run|head|step down the|some stairs|staircase|steps,descend POSS stairs|staircase|steps,walk downstairs,go downstairs,run downstairs,downstairs',
  climbLadder: 'climb|go down a|the ladder,descend a|the ladder,climb a|the ladder,climb up a|the ladder,go up a|the ladder,ladder climb,ascend a|the ladder,up the ladder',
  stepUp: 'hop|jump|climb|step up? onto a|the box|step|platform|ledge|curb|bench|block|table|chair|stage|rock|crate,step up onto|on|to a|the? box|step|platform|ledge|curb|bench|block,step up,step onto a|the box|step|platform|ledge|curb|bench,step-up,n:step up',
  stepDown: 'step down from|off a|the? box|step|platform|ledge|curb|bench|block,step down,step off a|the? box|step|platform|ledge|curb|bench|block',
  climbWall: 'scale,climb a|the wall,scale a|the wall,climb up a|the wall,wall climb,rock climb,boulder,n:rock climbing',
  jumpDown: 'jump down,jump off,hop down,hop off,leap down,leap off,drop down from,jump from a|the',
  balanceBeam: 'balance beam,walk on|along a|the beam|tightrope|rope|plank|log|rail,n:tightrope,walk a|the tightrope,n:beam',
  // Posture
  idle: 'a:idle,stand still,stand idle,stand around,wait around,stand there,stand quietly,do nothing,remain still,stay still,stand,wait,rest,pause,remain,stay,a:idle stance',
  sit: 'settle into|in|on a|the? chair|seat|couch|sofa|bench,settle,sit,sit down,take a seat,have a seat,seat,sit on a|the chair|bench|stool,sit in a|the chair',
  standUp: 'stand up,get up,get back up,rise,get up from a|the chair|seat|bench,rise up,stand back up,get to POSS feet,get on POSS feet',
  crouch: 'crouch,crouch down,hunker,hunker down,cower,take cover,n:crouch,get low',
  kneel: 'kneel,kneel down,genuflect,take a knee,get down on one knee,go down on one knee,on one knee,drop to POSS knees,n:kneel',
  lieDown: 'hit the deck,get down on the ground|floor,lie down,lay down,recline,lie,lay,lie flat',
  sitFloor: 'sit on the floor|ground,sit down on the floor|ground,sit on the|a mat',
  squat: 'squat,squat down,n:squat,n:air squat',
  getUp: 'get up off|from the floor|ground,get back up off|from the floor|ground,get off the floor|ground,pick POSS up off the floor|ground,climb to POSS feet,get back up,stand up from the floor|ground|lying',
  sitCrossLegged: 'cross POSS legs,sit cross legged,sit crossed legged,sit cross-legged,sit in lotus|lotus position,sit with POSS legs crossed,cross legged',
  lieOnBack: 'lie on POSS back,lay on POSS back,lie flat on POSS back,lie face up,lie supine',
  lieOnSide: 'lie on POSS side,lay on POSS side,curl up on POSS side,lie on one side',
  // Object interaction
  pickUp: 'pick ~up,pick up,lift up from the floor,grab from the floor|ground,scoop ~up,bend down and grab,pick POSS? up,n:pick up',
  putDown: 'put ~down,set ~down,place ~down,lay ~down,put down,set down,drop,place',
  carry: 'carry,haul,lug,tote,carry around',
  push: 'push,shove,press against,n:push',
  pull: 'pull,tug,drag,haul in,heave,n:pull,pull a|the rope',
  lift: 'lift,hoist,raise a|the? heavy,deadlift,n:deadlift,lift weight|weights,lift a|the barbell|dumbbell|weight|box,n:lift',
  sweep: 'sweep,sweep the floor,n:sweep',
  dig: 'dig,shovel,n:dig',
  hammer: 'hammer,hammer a|the? nail,pound,bang a nail,n:hammer a nail',
  openDoor: 'open a|the door,open the door,push open a|the door,pull open a|the door,open,unlock the door',
  knockDoor: 'knock,knock on a|the door,knock at a|the door,rap on the door',
  throwOverhand: 'light:throw,light:toss,throw overhand,overhand throw,hurl,pitch a|the ball,fling,chuck,lob,n:overhand throw,throw a|the ball overhand',
  throwUnderhand: 'throw underhand,underhand throw,toss underhand,lob underhand,n:underhand throw,throw a|the ball underhand',
  catchBall: 'catch,catch a|the ball,n:catch',
  drink: 'drink,sip,gulp,swig,n:drink,have a drink,take a sip,drink from a|the cup|glass|bottle|mug',
  eat: 'eat,munch,chew,snack,bite,nibble,have a bite',
  phoneCall: 'talk on POSS phone,make a phone call,make a call,phone call,answer the|a|his|her|their? phone,call,phone,talk on the telephone,n:phone call',
  type: 'type,type on a|the keyboard|laptop|computer,use a|the computer|laptop|keyboard,n:typing',
  readBook: 'read,read a|the book,n:read',
  write: 'write,scribble,jot,take notes,write a note|letter',
  pour: 'pour,pour a|the? drink|water|glass|cup',
  stir: 'stir,stir a|the pot,mix',
  checkPhone: 'check POSS phone,look at POSS phone,scroll POSS? phone,text,texting,use POSS phone,n:text message',
  takePhoto: 'take a photo|picture|selfie|photograph|snapshot,photograph,snap a photo|picture,take pictures|photos,n:selfie',
  brushTeeth: 'brush POSS teeth,brush teeth',
  comb: 'comb POSS hair,brush POSS hair,comb,fix POSS hair',
  wipe: 'wipe,wipe a|the table|window|counter|surface,clean a|the table|window,dust,polish,scrub',
  // Sports
  golfSwing: 'light:swing,golf swing,n:golf swing,swing a|the golf club,tee off,drive a golf ball,hit a golf ball,play golf,golf',
  golfPutt: 'putt,n:putt,golf putt,sink a putt',
  baseballSwing: 'baseball swing,swing a|the baseball? bat,bat,hit a baseball,n:baseball swing,swing at a pitch',
  baseballPitch: 'pitch,baseball pitch,n:pitch,pitch a baseball,throw a pitch,wind up and pitch',
  tennisForehand: 'forehand,tennis forehand,n:forehand,hit a forehand,play tennis,tennis',
  tennisBackhand: 'backhand,tennis backhand,n:backhand,hit a backhand',
  tennisServe: 'serve,tennis serve,n:serve,serve a tennis ball,serve the ball',
  basketballDribble: 'dribble,dribble a|the basketball|ball,bounce a|the basketball|ball,n:dribble',
  basketballShot: 'shoot a|the basketball|hoop|hoops,jump shot,n:jump shot,free throw,n:free throw,shoot hoops,basketball shot,layup,n:layup,play basketball,make a basket,slam dunk,dunk',
  soccerPass: 'pass a|the soccer? ball,soccer pass,n:soccer pass,pass a|the football,pass,n:pass',
  soccerShot: 'kick a|the soccer? ball,soccer shot,shoot a|the soccer ball,kick a|the football,shoot on goal,take a shot on goal,n:penalty kick,penalty kick,play soccer|football',
  volleyballSpike: 'spike,spike a|the volleyball|ball,volleyball spike,n:spike,play volleyball',
  volleyballBump: 'bump a|the volleyball|ball,volleyball bump,dig a|the volleyball,n:bump,set a|the volleyball',
  swimFreestyle: 'swim,freestyle,front crawl,swim freestyle,n:swim,swim the front crawl,doggy paddle',
  swimBreaststroke: 'breaststroke,swim breaststroke,n:breaststroke,do the breaststroke',
  swimBackstroke: 'backstroke,swim backstroke,swim on POSS back,n:backstroke',
  rowing: 'row,row a|the boat,n:rowing,paddle,paddle a|the canoe|kayak,rowing machine',
  bowling: 'bowl a|the? ball,go bowling,n:bowling,bowl,roll a|the bowling ball',
  archery: 'shoot a|the bow and arrow,shoot an? arrow,shoot a|the bow,bow and arrow,draw a|the bow,n:archery,fire an arrow,loose an arrow,n:bow and arrow,shoot arrows,archery',
  jumpRope: 'jump rope,skip rope,n:jump rope,n:skipping rope,skip with a rope,jump a rope,skipping rope',
  skiing: 'ski,n:ski,n:skiing,ski downhill,go skiing',
  skateboard: 'skateboard,n:skateboard,ride a|the skateboard,skate,n:skateboarding,ollie',
  hulaHoop: 'hula hoop,n:hula hoop,spin a|the hula hoop,hula,hula hooping',
  cricketBowl: 'bowl a cricket ball,cricket bowl,bowl in cricket,n:cricket bowl,bowl overarm',
  hockeySlapShot: 'slap shot,n:slap shot,slapshot,hockey shot,hit a|the puck,shoot a|the puck,play hockey',
  // Combat
  punch: 'punch,box,strike,hit,sock,slug,n:punch,throw a punch,fight,attack,brawl,spar,n:boxing,shadow box,shadowbox,n:strike',
  jab: 'jab,n:jab',
  cross: 'n:cross,n:straight punch,n:straight',
  hook: 'n:hook,hook punch',
  uppercut: 'uppercut,n:uppercut',
  elbowStrike: 'elbow,n:elbow strike,elbow strike,throw an elbow,n:elbow',
  kneeStrike: 'knee,n:knee strike,knee strike,n:knee',
  kick: 'kick,n:kick',
  frontKick: 'front kick,n:front kick,push kick,n:push kick,n:teep,snap kick',
  sideKick: 'side kick,n:side kick',
  roundhouseKick: 'roundhouse,roundhouse kick,n:roundhouse,n:roundhouse kick,spin kick,spinning kick,n:spinning kick,high kick,n:high kick',
  backKick: 'back kick,n:back kick,mule kick',
  block: 'block,guard against,n:block,defend,shield POSS? face|head',
  dodge: 'dodge,evade,sidestep a|the punch|blow|attack,n:dodge,weave,bob and weave',
  duck: 'duck,duck down,duck under,n:duck',
  fightStance: 'raise POSS guard,put up POSS guard,keep POSS guard up,fighting stance,fight stance,boxing stance,n:fighting stance,put up POSS fists|dukes,raise POSS fists,get into a fighting stance,square up,n:stance',
  swordSlash: 'slash,n:slash,swing a|the sword,sword slash,n:sword slash,fence,sword fight,n:sword fight,cut with a|the sword,sword,slice',
  swordStab: 'stab,thrust,lunge with a|the sword,n:stab,n:thrust,sword stab,skewer',
  swordParry: 'parry,n:parry,sword parry,parry a|the blow|attack|strike',
  rifleAim: 'aim a|the rifle|gun,aim,n:aim,take aim,aim down sights,point a|the rifle|gun',
  rifleFire: 'fire a|the rifle|gun,shoot a|the rifle,fire,shoot,n:gunfire,open fire,fire a shot',
  pistolAim: 'aim a|the pistol|handgun,point a|the pistol|handgun',
  pistolFire: 'fire a|the pistol|handgun,shoot a|the pistol|handgun',
  hitHead: 'get hit,be hit,get hit in the head|face,get punched,be punched,take a hit,take a punch,get struck,get hit in the face,get punched in the face,n:hit reaction,react to a hit,recoil from a punch',
  hitStomach: 'get hit in the stomach|gut|belly,get punched in the stomach|gut|belly,take a punch to the stomach|gut|belly,get kicked in the stomach,double over,be hit in the stomach',
  hitBack: 'get hit in the back,get hit from behind,be hit from behind,get shot in the back,get stabbed in the back',
  knockdown: 'get knocked down,be knocked down,knocked down,knocked out,get knocked out,n:knockdown,n:knockout,get knocked over',
  // Acrobatics
  cartwheel: 'cartwheel,n:cartwheel,do a cartwheel',
  forwardRoll: 'n:tumble,roll,roll forward,n:forward roll,forward roll,n:roll,tumble,somersault forward,roll over',
  backwardRoll: 'roll backward|backwards,backward roll,back roll,n:backward roll,n:back roll',
  somersault: 'somersault,flip,front flip,n:somersault,n:front flip,n:flip,frontflip,n:frontflip,tuck jump flip',
  backflip: 'backflip,back flip,n:backflip,n:back flip,flip backward|backwards,back tuck,n:back tuck,back handspring',
  handstand: 'handstand,n:handstand,stand on POSS hands,walk on POSS hands,hand stand',
  kipUp: 'kip up,kip-up,kipup,n:kip up,jump up from POSS back,flip up off the floor',
  aerial: 'n:aerial,aerial cartwheel,no handed cartwheel,n:no handed cartwheel,n:butterfly kick',
  // Fitness
  pushUps: 'push up,pushup,n:push up,n:pushup,press up,n:press up,do push ups',
  sitUps: 'sit up,situp,n:sit up,n:situp,crunch,n:crunch,n:ab crunch',
  burpees: 'burpee,n:burpee',
  lunges: 'lunge,n:lunge,n:walking lunge',
  plank: 'plank,n:plank,hold a plank,plank position',
  jumpingJacks: 'jumping jack,n:jumping jack,star jump,n:star jump',
  mountainClimbers: 'mountain climber,n:mountain climber',
  stretch: 'stretch,n:stretch,warm up,limber up,n:warm up',
  yogaTree: 'tree pose,n:tree pose,yoga tree,vrksasana,yoga',
  yogaWarrior: 'warrior pose,n:warrior pose,warrior two|2|one|1,warrior ii,n:warrior',
  yogaDownwardDog: 'downward dog,downward facing dog,n:downward dog,down dog',
  yogaChild: 'child pose,childs pose,n:child pose,childs pose',
  taiChi: 'tai chi,taichi,n:tai chi,qigong,tai chi form',
  highKnees: 'high knee,n:high knee,knee up,run with high knees',
  toeTouch: 'touch POSS toes,toe touch,n:toe touch,bend over and touch POSS toes,reach for POSS toes',
  armCircles: 'swing POSS arms,arm circle,n:arm circle,circle POSS arms,swing POSS arms in circles,rotate POSS arms',
  // Dance
  dance: 'dance,boogie,groove,bop,n:dance,bust a move,jive',
  waltz: 'waltz,n:waltz',
  hipHop: 'hip hop,n:hip hop,hiphop,bounce to the beat,hip hop dance|bounce',
  robot: 'robot,do the robot,n:robot,robot dance,dance like a robot,move like a robot',
  salsa: 'salsa,n:salsa,salsa dance',
  disco: 'disco,n:disco,disco dance,dance disco',
  ballet: 'ballet,n:ballet,plie,n:plie,arabesque,n:arabesque,ballet dance',
  breakdance: 'breakdance,break dance,n:breakdance,top rock,toprock,n:top rock,breakdancing,b boy,bboy',
  twist: 'twist,do the twist,n:twist',
  slowDance: 'slow dance,n:slow dance,sway to the music,sway slowly',
  macarena: 'macarena,n:macarena,do the macarena',
  chickenDance: 'chicken dance,n:chicken dance,do the chicken dance,flap like a chicken',
  headbang: 'headbang,head bang,bang POSS head,n:headbang,mosh',
  shuffleDance: 'shuffle dance,n:shuffle dance,cutting shapes,melbourne shuffle,running man dance,n:running man',
  // Gestures
  wave: 'wave,greet,hail,wave hello|goodbye|bye,say hello|hi|goodbye|bye,n:wave,wave at,wave to,wave POSS hand|arm|arms|hands',
  clap: 'clap,applaud,n:applause,n:clap,clap POSS hands',
  point: 'point,indicate,point at,point to,n:point',
  bow: 'bow,take a bow,bow down,n:bow,bow POSS head',
  nod: 'nod,agree,nod POSS head,nod yes,n:nod',
  shakeHead: 'shake POSS head,shake POSS head no,head shake,n:head shake,say no,disagree,refuse',
  shrug: 'shrug,n:shrug,shrug POSS shoulders',
  salute: 'salute,n:salute,give a salute',
  cheer: 'cheer,n:cheer,root for,hooray,shout hooray',
  crossArms: 'cross POSS arms,fold POSS arms,arms crossed,arms folded,with POSS arms crossed',
  think: 'think,ponder,wonder,consider,contemplate,n:thinking pose,stroke POSS chin,rub POSS chin',
  lookAround: 'look around,search,scan,glance around,look left and right,observe,look about,survey,peer around,look',
  facepalm: 'facepalm,face palm,n:facepalm,put POSS hand to|on POSS face,slap POSS forehead',
  thumbsUp: 'thumbs up,thumb up,give a thumbs up,give thumbs up,n:thumbs up',
  airGuitar: 'air guitar,play air guitar,n:air guitar,play the guitar,play guitar,strum',
  pray: 'pray,n:prayer,put POSS hands together,hands together in prayer,press POSS palms together',
  cry: 'cry,weep,sob,n:cry,wipe POSS tears,bawl',
  laugh: 'laugh,giggle,chuckle,n:laugh,crack up,burst out laughing',
  beckon: 'beckon,motion to come,come here gesture,call over,wave over,summon,gesture to come',
  stopHand: 'stop gesture,hold up POSS hand,signal stop,n:stop sign,hand up to stop,say stop,halt gesture',
  blowKiss: 'blow a kiss,blow kisses,n:air kiss,blow a kiss goodbye',
  fistPump: 'fist pump,pump POSS fist,n:fist pump,pump fist',
  checkWatch: 'check POSS watch,look at POSS watch,check the time,glance at POSS watch',
  scratchHead: 'scratch POSS head,head scratch,n:head scratch,scratch',
  handsOnHips: 'hands on hips,put POSS hands on POSS hips,hands on POSS hips,akimbo,stand with POSS hands on POSS hips',
  flex: 'flex,flex POSS muscles|biceps|arms,n:flex,show off POSS muscles,n:double biceps',
  victory: 'victory pose,n:victory,peace sign,n:peace sign,v sign,victory sign,n:victory pose',
  wipeForehead: 'wipe POSS forehead|brow,wipe sweat,wipe the sweat off POSS forehead|brow,mop POSS brow',
  yawn: 'yawn,n:yawn',
  callOut: 'call out,shout,yell,scream,holler,cup POSS hands and shout',
  shush: 'shush,n:shush,shh,say shh,finger to POSS lips,hush,quiet gesture',
  armsUp: 'raise POSS arms|hands,put POSS hands up,hands up,arms up,put POSS arms up,lift POSS arms|hands,reach up,throw POSS hands up,surrender',
  clapOverhead: 'clap overhead,clap above POSS head,clap over POSS head,overhead clap,n:overhead clap',
  dab: 'dab,n:dab,do a dab,hit a dab',
  coverEars: 'cover POSS ears,plug POSS ears,hands over POSS ears',
  hug: 'hug,embrace,cuddle,n:hug,give a hug,n:embrace',
  curtsy: 'curtsy,curtsey,n:curtsy,n:curtsey',
  kneelPray: 'kneel and pray,pray on POSS knees,kneel in prayer,kneel down and pray',
  celebrate: 'celebrate,rejoice,n:celebration,victory dance,n:victory dance,jump for joy,celebrate a goal',
  // Falls
  stumble: 'stumble,n:stumble,lose POSS balance,falter',
  trip: 'trip,trip over,n:trip,trip over something',
  slip: 'slip,slip on ice,slip on a banana peel,n:slip',
  fallForward: 'fall forward|forwards,fall on POSS face,fall flat on POSS face,faceplant,face plant,fall down,fall,n:fall,collapse forward,topple forward,fall over',
  fallBackward: 'fall backward|backwards,fall back,fall on POSS back,topple backward|backwards,fall over backward|backwards',
  fallSide: 'fall sideways,fall to the side,fall on POSS side,topple sideways',
  faint: 'faint,pass out,swoon,collapse,n:faint,black out',
  death: 'die,n:death,death scene,get shot and die,drop dead,play dead,n:dying,be killed|shot dead',
  flinch: 'flinch,wince,cringe,startle,jump in fright|fear,be startled,get startled,n:flinch',
  recoil: 'recoil,n:recoil,jerk back,recoil in shock|horror|surprise,react in shock',
  // Idles
  balanceOneFoot: 'balance on one foot|leg,stand on one foot|leg,balance,one legged stand,n:flamingo pose,balance on a single leg',
  tired: 'look tired,be tired,catch POSS breath,stand tired|exhausted,pant',
  bored: 'look bored,be bored,stand bored|around bored,n:boredom,wait bored',
  cold: 'shiver,freeze,feel cold,be cold,look cold,rub POSS arms,shiver from the cold,tremble',
  impatient: 'tap POSS foot,wait impatiently,look impatient,be impatient,fidget impatiently,n:impatience',
  nervous: 'fidget,look nervous,be nervous,fidget nervously,n:nervousness,wring POSS hands',
  breatheHeavy: 'breathe heavily|hard,pant heavily,gasp for air,hands on knees,catch POSS breath hard,breathe,n:heavy breathing',
  stretchIdle: 'stretch POSS back|neck|body,roll POSS shoulders,crack POSS back,stretch out',
  guard: 'stand guard,keep watch,keep guard,guard,stand at attention,attention',
  sleepy: 'look sleepy,be sleepy,nod off,doze,doze off,drowse,fall asleep standing,rub POSS eyes',
  lookUp: 'look up,gaze up,look at the sky,stare up,look upward|upwards,gaze at the sky',
  waitIdle: 'wait patiently,wait for someone|something,stand and wait,wait in line,n:waiting',
};

/** Adjective/adverb moods that become an idle action when the clause has no action of its own ("a tired man", "looks bored"). */
export const MOOD_ACTIONS: Record<string, ActionId> = {
  tired: 'tired', exhausted: 'tired', weary: 'tired', bored: 'bored', cold: 'cold', freezing: 'cold', chilly: 'cold',
  impatient: 'impatient', impatiently: 'impatient', nervous: 'nervous', anxious: 'nervous', nervously: 'nervous',
  sleepy: 'sleepy', drowsy: 'sleepy', sad: 'cry', happy: 'celebrate', excited: 'celebrate',
};

/**
 * Props that specialise a generic verb: "fights with a sword" → sword slash, "swings a bat" → baseball swing,
 * "shoots a basketball" → basketball shot. `from` lists the actions the prop turns into `to`; '*' means any light verb.
 */
export const PROP_ACTIONS: { props: string[]; from: ActionId[]; to: ActionId }[] = [
  { props: ['sword', 'blade', 'katana', 'saber', 'sabre', 'machete', 'axe'], from: ['punch', 'throwOverhand', 'golfSwing', 'baseballSwing', 'rifleFire', 'swordSlash'], to: 'swordSlash' },
  { props: ['dagger', 'knife', 'spear'], from: ['punch', 'swordSlash'], to: 'swordStab' },
  { props: ['bow', 'arrow'], from: ['rifleFire', 'rifleAim', 'pistolFire', 'throwOverhand', 'pull'], to: 'archery' },
  { props: ['pistol', 'handgun', 'revolver'], from: ['rifleFire', 'punch'], to: 'pistolFire' },
  { props: ['pistol', 'handgun', 'revolver'], from: ['rifleAim', 'point'], to: 'pistolAim' },
  { props: ['rifle', 'gun', 'shotgun', 'weapon'], from: ['point'], to: 'rifleAim' },
  { props: ['golf', 'club', 'putter'], from: ['baseballSwing', 'punch', 'swordSlash', 'golfSwing'], to: 'golfSwing' },
  { props: ['bat'], from: ['golfSwing', 'punch', 'swordSlash'], to: 'baseballSwing' },
  { props: ['racket', 'racquet'], from: ['golfSwing', 'baseballSwing', 'punch', 'swordSlash'], to: 'tennisForehand' },
  { props: ['basketball', 'hoop', 'basket'], from: ['rifleFire', 'throwOverhand', 'jump'], to: 'basketballShot' },
  { props: ['basketball'], from: ['jumpInPlace', 'hop'], to: 'basketballDribble' },
  { props: ['ball', 'football', 'soccer'], from: ['kick', 'rifleFire'], to: 'soccerShot' },
  { props: ['puck'], from: ['rifleFire', 'punch', 'golfSwing'], to: 'hockeySlapShot' },
  { props: ['pin', 'pins', 'bowling'], from: ['throwOverhand', 'throwUnderhand', 'forwardRoll'], to: 'bowling' },
  { props: ['rope'], from: ['jump', 'skip', 'hop', 'jumpInPlace'], to: 'jumpRope' },
  { props: ['rope'], from: ['climbLadder', 'climbWall'], to: 'climbWall' },
  { props: ['ladder'], from: ['climbWall', 'stairsUp', 'walk'], to: 'climbLadder' },
  { props: ['wall', 'cliff', 'rock'], from: ['climbLadder', 'stairsUp'], to: 'climbWall' },
  { props: ['door'], from: ['push', 'pull', 'openDoor'], to: 'openDoor' },
  { props: ['broom'], from: ['punch', 'swordSlash', 'wipe'], to: 'sweep' },
  { props: ['shovel', 'spade'], from: ['punch', 'swordSlash', 'pickUp'], to: 'dig' },
  { props: ['phone', 'telephone', 'cellphone'], from: ['lookAround', 'point'], to: 'checkPhone' },
  { props: ['book', 'newspaper', 'magazine', 'letter'], from: ['lookAround'], to: 'readBook' },
  { props: ['chair', 'bench', 'stool', 'couch', 'sofa'], from: ['idle'], to: 'sit' },
  { props: ['keyboard', 'computer', 'laptop'], from: ['punch'], to: 'type' },
  { props: ['guitar'], from: ['punch'], to: 'airGuitar' },
];

/** Who the prompt names can imply the gear: "a golfer swings" → golf club, "a batter hits" → bat. */
export const SUBJECT_PROPS: Record<string, string> = {
  golfer: 'golf', batter: 'bat', archer: 'bow', fencer: 'sword', swordsman: 'sword', samurai: 'sword', knight: 'sword',
  bowler: 'bowling', sniper: 'rifle', gunman: 'pistol', cowboy: 'pistol',
};

/** Verbs that take their meaning from a following activity noun or prop; alone they keep their own action. */
export const LIGHT_VERBS = new Set(['throw', 'toss', 'swing', 'shoot', 'fire', 'hit', 'strike', 'use', 'wield', 'play', 'kick', 'pull', 'point', 'lift', 'pick', 'bounce']);

/** Generic verbs that are no action of their own: "does a cartwheel", "performs a backflip", "gives a hug". */
export const EMPTY_VERBS = new Set(['do', 'perform', 'execute', 'make', 'try', 'attempt', 'give', 'land', 'deliver', 'bust', 'practice', 'practise', 'start', 'begin', 'keep', 'continue', 'finish', 'complete', 'have', 'get', 'be', 'is', 'go', 'take', 'hold', 'wield', 'use', 'swing', 'play']);

/** Speed adverbs → multiplier of the action's default speed (and a label for the report). */
export const SPEED_WORDS: Record<string, [number, string]> = {
  slowly: [0.62, 'slow'], slow: [0.62, 'slow'], leisurely: [0.65, 'slow'], gently: [0.75, 'gentle'], carefully: [0.6, 'careful'], cautiously: [0.55, 'cautious'],
  casually: [0.85, 'casual'], calmly: [0.8, 'calm'], lazily: [0.6, 'lazy'], sluggishly: [0.6, 'sluggish'],
  normally: [1, 'normal'], steadily: [1, 'steady'],
  briskly: [1.3, 'brisk'], quickly: [1.35, 'quick'], quick: [1.35, 'quick'], fast: [1.45, 'fast'], rapidly: [1.45, 'fast'], hurriedly: [1.4, 'hurried'],
  swiftly: [1.4, 'swift'], energetically: [1.25, 'energetic'], speedily: [1.4, 'fast'],
};

/** Force adverbs → intensity (0.5 gentle … 1.5 vigorous). */
export const INTENSITY_WORDS: Record<string, number> = {
  gently: 0.6, softly: 0.6, lightly: 0.6, weakly: 0.5, lazily: 0.6, half: 0.7, slightly: 0.6, hard: 1.4, forcefully: 1.4, powerfully: 1.45,
  vigorously: 1.5, violently: 1.5, wildly: 1.4, aggressively: 1.4, explosively: 1.5, strongly: 1.3, enthusiastically: 1.35, big: 1.3, huge: 1.45,
  powerful: 1.4, strong: 1.3, small: 0.7, tiny: 0.55,
};

export interface StyleWord { energy?: number; tension?: number; age?: number; label: string }

/** Style adjectives/adverbs → continuous style offsets. */
export const STYLE_WORDS: Record<string, StyleWord> = {
  tired: { energy: -0.8, label: 'tired' }, tiredly: { energy: -0.8, label: 'tired' }, exhausted: { energy: -1, label: 'exhausted' }, weary: { energy: -0.8, label: 'tired' },
  sleepy: { energy: -0.7, label: 'sleepy' }, drowsy: { energy: -0.7, label: 'sleepy' },
  sad: { energy: -0.7, label: 'sad' }, sadly: { energy: -0.7, label: 'sad' }, depressed: { energy: -0.9, label: 'sad' }, gloomy: { energy: -0.6, label: 'sad' }, dejected: { energy: -0.8, label: 'sad' },
  happy: { energy: 0.7, label: 'happy' }, happily: { energy: 0.7, label: 'happy' }, cheerful: { energy: 0.7, label: 'happy' }, cheerfully: { energy: 0.7, label: 'happy' },
  joyful: { energy: 0.8, label: 'happy' }, joyfully: { energy: 0.8, label: 'happy' }, excited: { energy: 0.9, label: 'excited' }, excitedly: { energy: 0.9, label: 'excited' },
  energetic: { energy: 0.8, label: 'energetic' }, confident: { energy: 0.4, tension: 0.1, label: 'confident' }, confidently: { energy: 0.4, label: 'confident' }, proud: { energy: 0.4, label: 'proud' }, proudly: { energy: 0.4, label: 'proud' },
  angry: { energy: 0.4, tension: 0.9, label: 'angry' }, angrily: { energy: 0.4, tension: 0.9, label: 'angry' }, furious: { energy: 0.5, tension: 1, label: 'angry' }, furiously: { energy: 0.5, tension: 1, label: 'angry' },
  nervous: { tension: 0.6, energy: -0.2, label: 'nervous' }, nervously: { tension: 0.6, energy: -0.2, label: 'nervous' }, anxious: { tension: 0.6, energy: -0.2, label: 'nervous' }, anxiously: { tension: 0.6, energy: -0.2, label: 'nervous' },
  scared: { tension: 0.7, energy: -0.3, label: 'scared' }, afraid: { tension: 0.7, energy: -0.3, label: 'scared' }, fearfully: { tension: 0.7, energy: -0.3, label: 'scared' },
  old: { age: 1, energy: -0.3, label: 'old' }, elderly: { age: 1, energy: -0.3, label: 'old' }, aged: { age: 0.8, label: 'old' }, young: { age: 0, energy: 0.3, label: 'young' },
  relaxed: { tension: -0.2, label: 'relaxed' }, tense: { tension: 0.6, label: 'tense' }, stiffly: { tension: 0.6, label: 'stiff' }, stiff: { tension: 0.6, label: 'stiff' },
  graceful: { tension: -0.2, energy: 0.2, label: 'graceful' }, elegantly: { tension: -0.2, energy: 0.2, label: 'graceful' },
  sneakily: { tension: 0.3, energy: -0.2, label: 'sneaky' }, lazy: { energy: -0.6, label: 'lazy' }, bored: { energy: -0.5, label: 'bored' },
  impatiently: { tension: 0.4, energy: 0.2, label: 'impatient' }, cold: { tension: 0.5, energy: -0.2, label: 'cold' },
  zombie: { energy: -0.6, tension: 0.3, label: 'zombie-like' }, drunk: { energy: -0.3, tension: -0.5, label: 'drunk' }, robot: { tension: 0.8, label: 'robotic' },
  robotically: { tension: 0.8, label: 'robotic' }, injured: { energy: -0.5, label: 'injured' }, wounded: { energy: -0.5, label: 'injured' },
};

export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, ninety: 90, hundred: 100, half: 0.5, couple: 2, few: 3, several: 4,
};

export const COUNT_WORDS: Record<string, number> = { once: 1, twice: 2, thrice: 3 };

/** Body parts and places that name where an action lands ("in the stomach", "at the door"). */
export const TARGET_WORDS = new Set([
  'head', 'face', 'stomach', 'gut', 'belly', 'chest', 'back', 'jaw', 'chin', 'side', 'leg', 'legs', 'shoulder', 'arm', 'ribs', 'nose',
  'door', 'wall', 'camera', 'target', 'sky', 'ground', 'floor', 'window', 'opponent', 'enemy', 'crowd', 'audience', 'friend',
]);

/** Words that carry no motion meaning; they are neither understood nor reported as ignored. */
export const STOPWORDS = new Set(
  ('a an the person man woman guy girl boy lady character someone somebody he she they it his her their its them him i you we me my your our ' +
    'is are was were be being been does do did has have had then and after that next finally afterwards followed by ' +
    'with of to at in on into onto from up down for while as times time seconds second secs sec s meters meter metres metre m steps ' +
    'degrees degree deg around again also just very really little bit some slightly quite about more bit now begins starts start begin ' +
    'keeps keep continues continue still hand hands arm arms this few couple please can could would will should make let ' +
    'perform performs performing execute executes doing done tries try attempts attempt gives give gave giving takes take took taking ' +
    'figure dancer soldier child kid athlete player actor people one no yes so there here over off out away place spot ' +
    'gets get got getting goes go went going being like once himself herself themselves itself character\'s ' +
    'holds hold holding uses use using an lands land').split(' '),
);
