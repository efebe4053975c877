"""Written by `python -m casestaff.model.write_initializers`; do not edit.

Each function returns the __init__ of one shape of dataclass (model/plain.py's init_source);
MAKERS finds it by the shape."""

# fmt: off
# ruff: noqa

from collections.abc import Callable
from typing import Any


def _0(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,file,line,col,message):
  __dataclass_builtins_object__.__setattr__(self,'file',file)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'col',col)
  __dataclass_builtins_object__.__setattr__(self,'message',message)
 return __init__


def _1(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_case__,__dataclass_dflt_participant__):
 def __init__(self,program,provider,month,item,what,due,status,note,citation,case=__dataclass_dflt_case__,participant=__dataclass_dflt_participant__):
  __dataclass_builtins_object__.__setattr__(self,'program',program)
  __dataclass_builtins_object__.__setattr__(self,'provider',provider)
  __dataclass_builtins_object__.__setattr__(self,'month',month)
  __dataclass_builtins_object__.__setattr__(self,'item',item)
  __dataclass_builtins_object__.__setattr__(self,'what',what)
  __dataclass_builtins_object__.__setattr__(self,'due',due)
  __dataclass_builtins_object__.__setattr__(self,'status',status)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
  __dataclass_builtins_object__.__setattr__(self,'citation',citation)
  __dataclass_builtins_object__.__setattr__(self,'case',case)
  __dataclass_builtins_object__.__setattr__(self,'participant',participant)
 return __init__


def _2(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,abbr,title,department,note,release_form,invited):
  __dataclass_builtins_object__.__setattr__(self,'abbr',abbr)
  __dataclass_builtins_object__.__setattr__(self,'title',title)
  __dataclass_builtins_object__.__setattr__(self,'department',department)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
  __dataclass_builtins_object__.__setattr__(self,'release_form',release_form)
  __dataclass_builtins_object__.__setattr__(self,'invited',invited)
 return __init__


def _3(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,achieved,not_achieved,open,none):
  __dataclass_builtins_object__.__setattr__(self,'achieved',achieved)
  __dataclass_builtins_object__.__setattr__(self,'not_achieved',not_achieved)
  __dataclass_builtins_object__.__setattr__(self,'open',open)
  __dataclass_builtins_object__.__setattr__(self,'none',none)
 return __init__


def _4(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,after,days):
  __dataclass_builtins_object__.__setattr__(self,'after',after)
  __dataclass_builtins_object__.__setattr__(self,'days',days)
 return __init__


def _5(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,age,birth_date,relationship_status,household,no_household,employment_education,goal,address,phone,enrolled):
  __dataclass_builtins_object__.__setattr__(self,'age',age)
  __dataclass_builtins_object__.__setattr__(self,'birth_date',birth_date)
  __dataclass_builtins_object__.__setattr__(self,'relationship_status',relationship_status)
  __dataclass_builtins_object__.__setattr__(self,'household',household)
  __dataclass_builtins_object__.__setattr__(self,'no_household',no_household)
  __dataclass_builtins_object__.__setattr__(self,'employment_education',employment_education)
  __dataclass_builtins_object__.__setattr__(self,'goal',goal)
  __dataclass_builtins_object__.__setattr__(self,'address',address)
  __dataclass_builtins_object__.__setattr__(self,'phone',phone)
  __dataclass_builtins_object__.__setattr__(self,'enrolled',enrolled)
 return __init__


def _6(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_files__,__dataclass_dflt_notes__):
 def __init__(self,agenda,problems,files=__dataclass_dflt_files__,notes=__dataclass_dflt_notes__):
  __dataclass_builtins_object__.__setattr__(self,'agenda',agenda)
  __dataclass_builtins_object__.__setattr__(self,'problems',problems)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'notes',notes)
 return __init__


def _7(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,area,label):
  __dataclass_builtins_object__.__setattr__(self,'area',area)
  __dataclass_builtins_object__.__setattr__(self,'label',label)
 return __init__


def _8(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,area,title,who,limitation,accommodations,affected,note,related):
  __dataclass_builtins_object__.__setattr__(self,'area',area)
  __dataclass_builtins_object__.__setattr__(self,'title',title)
  __dataclass_builtins_object__.__setattr__(self,'who',who)
  __dataclass_builtins_object__.__setattr__(self,'limitation',limitation)
  __dataclass_builtins_object__.__setattr__(self,'accommodations',accommodations)
  __dataclass_builtins_object__.__setattr__(self,'affected',affected)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
  __dataclass_builtins_object__.__setattr__(self,'related',related)
 return __init__


def _9(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,as_of,weeks,worker,program,names,cases,attention,overdue,by_worker,by_program,by_rule,aging,hard_deadlines,staffings_by_month,trend):
  __dataclass_builtins_object__.__setattr__(self,'as_of',as_of)
  __dataclass_builtins_object__.__setattr__(self,'weeks',weeks)
  __dataclass_builtins_object__.__setattr__(self,'worker',worker)
  __dataclass_builtins_object__.__setattr__(self,'program',program)
  __dataclass_builtins_object__.__setattr__(self,'names',names)
  __dataclass_builtins_object__.__setattr__(self,'cases',cases)
  __dataclass_builtins_object__.__setattr__(self,'attention',attention)
  __dataclass_builtins_object__.__setattr__(self,'overdue',overdue)
  __dataclass_builtins_object__.__setattr__(self,'by_worker',by_worker)
  __dataclass_builtins_object__.__setattr__(self,'by_program',by_program)
  __dataclass_builtins_object__.__setattr__(self,'by_rule',by_rule)
  __dataclass_builtins_object__.__setattr__(self,'aging',aging)
  __dataclass_builtins_object__.__setattr__(self,'hard_deadlines',hard_deadlines)
  __dataclass_builtins_object__.__setattr__(self,'staffings_by_month',staffings_by_month)
  __dataclass_builtins_object__.__setattr__(self,'trend',trend)
 return __init__


def _10(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,as_of,within,rows,deadlines,cases):
  __dataclass_builtins_object__.__setattr__(self,'as_of',as_of)
  __dataclass_builtins_object__.__setattr__(self,'within',within)
  __dataclass_builtins_object__.__setattr__(self,'rows',rows)
  __dataclass_builtins_object__.__setattr__(self,'deadlines',deadlines)
  __dataclass_builtins_object__.__setattr__(self,'cases',cases)
 return __init__


def _11(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_counts__):
 def __init__(self,as_of,workdays,satisfied_by,counts=__dataclass_dflt_counts__):
  __dataclass_builtins_object__.__setattr__(self,'as_of',as_of)
  __dataclass_builtins_object__.__setattr__(self,'workdays',workdays)
  __dataclass_builtins_object__.__setattr__(self,'satisfied_by',satisfied_by)
  __dataclass_builtins_object__.__setattr__(self,'counts',counts)
 return __init__


def _12(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,bars,width,height,left,scale):
  __dataclass_builtins_object__.__setattr__(self,'bars',bars)
  __dataclass_builtins_object__.__setattr__(self,'width',width)
  __dataclass_builtins_object__.__setattr__(self,'height',height)
  __dataclass_builtins_object__.__setattr__(self,'left',left)
  __dataclass_builtins_object__.__setattr__(self,'scale',scale)
 return __init__


def _13(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,case,pack,agenda,invite):
  __dataclass_builtins_object__.__setattr__(self,'case',case)
  __dataclass_builtins_object__.__setattr__(self,'pack',pack)
  __dataclass_builtins_object__.__setattr__(self,'agenda',agenda)
  __dataclass_builtins_object__.__setattr__(self,'invite',invite)
 return __init__


def _14(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,case,pack,meeting,as_of):
  __dataclass_builtins_object__.__setattr__(self,'case',case)
  __dataclass_builtins_object__.__setattr__(self,'pack',pack)
  __dataclass_builtins_object__.__setattr__(self,'meeting',meeting)
  __dataclass_builtins_object__.__setattr__(self,'as_of',as_of)
 return __init__


def _15(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,case_id,name,path,team):
  __dataclass_builtins_object__.__setattr__(self,'case_id',case_id)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'team',team)
 return __init__


def _16(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,case_id,participant,file,component,participation,progress,challenges,plan_changes,eligibility,eligible,staffing_reasons):
  __dataclass_builtins_object__.__setattr__(self,'case_id',case_id)
  __dataclass_builtins_object__.__setattr__(self,'participant',participant)
  __dataclass_builtins_object__.__setattr__(self,'file',file)
  __dataclass_builtins_object__.__setattr__(self,'component',component)
  __dataclass_builtins_object__.__setattr__(self,'participation',participation)
  __dataclass_builtins_object__.__setattr__(self,'progress',progress)
  __dataclass_builtins_object__.__setattr__(self,'challenges',challenges)
  __dataclass_builtins_object__.__setattr__(self,'plan_changes',plan_changes)
  __dataclass_builtins_object__.__setattr__(self,'eligibility',eligibility)
  __dataclass_builtins_object__.__setattr__(self,'eligible',eligible)
  __dataclass_builtins_object__.__setattr__(self,'staffing_reasons',staffing_reasons)
 return __init__


def _17(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,check,failing,passing):
  __dataclass_builtins_object__.__setattr__(self,'check',check)
  __dataclass_builtins_object__.__setattr__(self,'failing',failing)
  __dataclass_builtins_object__.__setattr__(self,'passing',passing)
 return __init__


def _18(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_guessed__,__dataclass_dflt_ignored__):
 def __init__(self,columns,guessed=__dataclass_dflt_guessed__,ignored=__dataclass_dflt_ignored__):
  __dataclass_builtins_object__.__setattr__(self,'columns',columns)
  __dataclass_builtins_object__.__setattr__(self,'guessed',guessed)
  __dataclass_builtins_object__.__setattr__(self,'ignored',ignored)
 return __init__


def _19(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_here_only__):
 def __init__(self,config,packset,paths,here_only=__dataclass_dflt_here_only__):
  __dataclass_builtins_object__.__setattr__(self,'config',config)
  __dataclass_builtins_object__.__setattr__(self,'packset',packset)
  __dataclass_builtins_object__.__setattr__(self,'paths',paths)
  __dataclass_builtins_object__.__setattr__(self,'here_only',here_only)
 return __init__


def _20(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,date,kind,present,decision):
  __dataclass_builtins_object__.__setattr__(self,'date',date)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'present',present)
  __dataclass_builtins_object__.__setattr__(self,'decision',decision)
 return __init__


def _21(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,date,progress,note):
  __dataclass_builtins_object__.__setattr__(self,'date',date)
  __dataclass_builtins_object__.__setattr__(self,'progress',progress)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
 return __init__


def _22(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,date,text):
  __dataclass_builtins_object__.__setattr__(self,'date',date)
  __dataclass_builtins_object__.__setattr__(self,'text',text)
 return __init__


def _23(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,day,overdue):
  __dataclass_builtins_object__.__setattr__(self,'day',day)
  __dataclass_builtins_object__.__setattr__(self,'overdue',overdue)
 return __init__


def _24(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,day,value,x,y):
  __dataclass_builtins_object__.__setattr__(self,'day',day)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'x',x)
  __dataclass_builtins_object__.__setattr__(self,'y',y)
 return __init__


def _25(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_notes__):
 def __init__(self,due,export,ics,notes=__dataclass_factory__):
  __dataclass_builtins_object__.__setattr__(self,'due',due)
  __dataclass_builtins_object__.__setattr__(self,'export',export)
  __dataclass_builtins_object__.__setattr__(self,'ics',ics)
  __dataclass_builtins_object__.__setattr__(self,'notes',__dataclass_dflt_notes__() if notes is __dataclass_factory__ else notes)
 return __init__


def _26(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,due,status,case,participant,worker,program,rule):
  __dataclass_builtins_object__.__setattr__(self,'due',due)
  __dataclass_builtins_object__.__setattr__(self,'status',status)
  __dataclass_builtins_object__.__setattr__(self,'case',case)
  __dataclass_builtins_object__.__setattr__(self,'participant',participant)
  __dataclass_builtins_object__.__setattr__(self,'worker',worker)
  __dataclass_builtins_object__.__setattr__(self,'program',program)
  __dataclass_builtins_object__.__setattr__(self,'rule',rule)
 return __init__


def _27(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,employed,employer,start,hours,wage,end):
  __dataclass_builtins_object__.__setattr__(self,'employed',employed)
  __dataclass_builtins_object__.__setattr__(self,'employer',employer)
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'hours',hours)
  __dataclass_builtins_object__.__setattr__(self,'wage',wage)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
 return __init__


def _28(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,events,cancelled,memory):
  __dataclass_builtins_object__.__setattr__(self,'events',events)
  __dataclass_builtins_object__.__setattr__(self,'cancelled',cancelled)
  __dataclass_builtins_object__.__setattr__(self,'memory',memory)
 return __init__


def _29(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,factor,noted,resolved,duration,addressed,note):
  __dataclass_builtins_object__.__setattr__(self,'factor',factor)
  __dataclass_builtins_object__.__setattr__(self,'noted',noted)
  __dataclass_builtins_object__.__setattr__(self,'resolved',resolved)
  __dataclass_builtins_object__.__setattr__(self,'duration',duration)
  __dataclass_builtins_object__.__setattr__(self,'addressed',addressed)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
 return __init__


def _30(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,file,row,column,message):
  __dataclass_builtins_object__.__setattr__(self,'file',file)
  __dataclass_builtins_object__.__setattr__(self,'row',row)
  __dataclass_builtins_object__.__setattr__(self,'column',column)
  __dataclass_builtins_object__.__setattr__(self,'message',message)
 return __init__


def _31(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_file__,__dataclass_dflt_cases__,__dataclass_dflt_state__,__dataclass_dflt_worker__,__dataclass_dflt_templates__,__dataclass_dflt_pack_files__,__dataclass_dflt_cache__,__dataclass_dflt_shared_folder__,__dataclass_dflt_program_states__,__dataclass_dflt_rule_params__,__dataclass_dflt_requirement_params__,__dataclass_dflt_provider_meetings__,__dataclass_dflt_key_lines__,__dataclass_dflt_import_map__):
 def __init__(self,file=__dataclass_dflt_file__,cases=__dataclass_dflt_cases__,state=__dataclass_dflt_state__,worker=__dataclass_dflt_worker__,templates=__dataclass_dflt_templates__,pack_files=__dataclass_dflt_pack_files__,cache=__dataclass_dflt_cache__,shared_folder=__dataclass_dflt_shared_folder__,program_states=__dataclass_factory__,rule_params=__dataclass_factory__,requirement_params=__dataclass_factory__,provider_meetings=__dataclass_factory__,key_lines=__dataclass_factory__,import_map=__dataclass_factory__):
  __dataclass_builtins_object__.__setattr__(self,'file',file)
  __dataclass_builtins_object__.__setattr__(self,'cases',cases)
  __dataclass_builtins_object__.__setattr__(self,'state',state)
  __dataclass_builtins_object__.__setattr__(self,'worker',worker)
  __dataclass_builtins_object__.__setattr__(self,'templates',templates)
  __dataclass_builtins_object__.__setattr__(self,'pack_files',pack_files)
  __dataclass_builtins_object__.__setattr__(self,'cache',cache)
  __dataclass_builtins_object__.__setattr__(self,'shared_folder',shared_folder)
  __dataclass_builtins_object__.__setattr__(self,'program_states',__dataclass_dflt_program_states__() if program_states is __dataclass_factory__ else program_states)
  __dataclass_builtins_object__.__setattr__(self,'rule_params',__dataclass_dflt_rule_params__() if rule_params is __dataclass_factory__ else rule_params)
  __dataclass_builtins_object__.__setattr__(self,'requirement_params',__dataclass_dflt_requirement_params__() if requirement_params is __dataclass_factory__ else requirement_params)
  __dataclass_builtins_object__.__setattr__(self,'provider_meetings',__dataclass_dflt_provider_meetings__() if provider_meetings is __dataclass_factory__ else provider_meetings)
  __dataclass_builtins_object__.__setattr__(self,'key_lines',__dataclass_dflt_key_lines__() if key_lines is __dataclass_factory__ else key_lines)
  __dataclass_builtins_object__.__setattr__(self,'import_map',__dataclass_dflt_import_map__() if import_map is __dataclass_factory__ else import_map)
 return __init__


def _32(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,files_by_id,unreadable):
  __dataclass_builtins_object__.__setattr__(self,'files_by_id',files_by_id)
  __dataclass_builtins_object__.__setattr__(self,'unreadable',unreadable)
 return __init__


def _33(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,*,function):
  __dataclass_builtins_object__.__setattr__(self,'function',function)
 return __init__


def _34(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_benchmarks__,__dataclass_dflt_follow_up__):
 def __init__(self,*,function,facts,reads,benchmarks=__dataclass_dflt_benchmarks__,follow_up=__dataclass_dflt_follow_up__):
  __dataclass_builtins_object__.__setattr__(self,'function',function)
  __dataclass_builtins_object__.__setattr__(self,'facts',facts)
  __dataclass_builtins_object__.__setattr__(self,'reads',reads)
  __dataclass_builtins_object__.__setattr__(self,'benchmarks',benchmarks)
  __dataclass_builtins_object__.__setattr__(self,'follow_up',follow_up)
 return __init__


def _35(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_listed_in__):
 def __init__(self,*,function,listed_in=__dataclass_dflt_listed_in__):
  __dataclass_builtins_object__.__setattr__(self,'function',function)
  __dataclass_builtins_object__.__setattr__(self,'listed_in',listed_in)
 return __init__


def _36(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_per_customer__):
 def __init__(self,*,function,per_customer=__dataclass_dflt_per_customer__):
  __dataclass_builtins_object__.__setattr__(self,'function',function)
  __dataclass_builtins_object__.__setattr__(self,'per_customer',per_customer)
 return __init__


def _37(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,held,enrolled,missed):
  __dataclass_builtins_object__.__setattr__(self,'held',held)
  __dataclass_builtins_object__.__setattr__(self,'enrolled',enrolled)
  __dataclass_builtins_object__.__setattr__(self,'missed',missed)
 return __init__


def _38(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,id,title,status,message,details,citation):
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'title',title)
  __dataclass_builtins_object__.__setattr__(self,'status',status)
  __dataclass_builtins_object__.__setattr__(self,'message',message)
  __dataclass_builtins_object__.__setattr__(self,'details',details)
  __dataclass_builtins_object__.__setattr__(self,'citation',citation)
 return __init__


def _39(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,individual,family):
  __dataclass_builtins_object__.__setattr__(self,'individual',individual)
  __dataclass_builtins_object__.__setattr__(self,'family',family)
 return __init__


def _40(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,item,requested,received,waiting):
  __dataclass_builtins_object__.__setattr__(self,'item',item)
  __dataclass_builtins_object__.__setattr__(self,'requested',requested)
  __dataclass_builtins_object__.__setattr__(self,'received',received)
  __dataclass_builtins_object__.__setattr__(self,'waiting',waiting)
 return __init__


def _41(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,item,value,documented):
  __dataclass_builtins_object__.__setattr__(self,'item',item)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'documented',documented)
 return __init__


def _42(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_key__):
 def __init__(self,key=__dataclass_dflt_key__):
  __dataclass_builtins_object__.__setattr__(self,'key',key)
 return __init__


def _43(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_cancelled_on__):
 def __init__(self,kind,day,summary,sequence,fingerprint,modified,cancelled_on=__dataclass_dflt_cancelled_on__):
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'day',day)
  __dataclass_builtins_object__.__setattr__(self,'summary',summary)
  __dataclass_builtins_object__.__setattr__(self,'sequence',sequence)
  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)
  __dataclass_builtins_object__.__setattr__(self,'modified',modified)
  __dataclass_builtins_object__.__setattr__(self,'cancelled_on',cancelled_on)
 return __init__


def _44(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_areas__,__dataclass_dflt_topical__,__dataclass_dflt_why__):
 def __init__(self,label,source,areas=__dataclass_dflt_areas__,topical=__dataclass_dflt_topical__,why=__dataclass_dflt_why__):
  __dataclass_builtins_object__.__setattr__(self,'label',label)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'areas',areas)
  __dataclass_builtins_object__.__setattr__(self,'topical',topical)
  __dataclass_builtins_object__.__setattr__(self,'why',why)
 return __init__


def _45(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,label,value,overdue,y,width,overdue_width):
  __dataclass_builtins_object__.__setattr__(self,'label',label)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'overdue',overdue)
  __dataclass_builtins_object__.__setattr__(self,'y',y)
  __dataclass_builtins_object__.__setattr__(self,'width',width)
  __dataclass_builtins_object__.__setattr__(self,'overdue_width',overdue_width)
 return __init__


def _46(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,last,open_steps,done_steps,held):
  __dataclass_builtins_object__.__setattr__(self,'last',last)
  __dataclass_builtins_object__.__setattr__(self,'open_steps',open_steps)
  __dataclass_builtins_object__.__setattr__(self,'done_steps',done_steps)
  __dataclass_builtins_object__.__setattr__(self,'held',held)
 return __init__


def _47(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,line,col,message):
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'col',col)
  __dataclass_builtins_object__.__setattr__(self,'message',message)
 return __init__


def _48(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_mapping__,__dataclass_dflt_sequence__,__dataclass_dflt_offset__):
 def __init__(self,mapping=__dataclass_dflt_mapping__,sequence=__dataclass_dflt_sequence__,offset=__dataclass_dflt_offset__):
  __dataclass_builtins_object__.__setattr__(self,'mapping',mapping)
  __dataclass_builtins_object__.__setattr__(self,'sequence',sequence)
  __dataclass_builtins_object__.__setattr__(self,'offset',offset)
 return __init__


def _49(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,month,required,actual,percent,short,good_cause,value,note):
  __dataclass_builtins_object__.__setattr__(self,'month',month)
  __dataclass_builtins_object__.__setattr__(self,'required',required)
  __dataclass_builtins_object__.__setattr__(self,'actual',actual)
  __dataclass_builtins_object__.__setattr__(self,'percent',percent)
  __dataclass_builtins_object__.__setattr__(self,'short',short)
  __dataclass_builtins_object__.__setattr__(self,'good_cause',good_cause)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
 return __init__


def _50(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,month,verified,eligible):
  __dataclass_builtins_object__.__setattr__(self,'month',month)
  __dataclass_builtins_object__.__setattr__(self,'verified',verified)
  __dataclass_builtins_object__.__setattr__(self,'eligible',eligible)
 return __init__


def _51(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,name,age,age_years,birth_date,special_needs,has_special_needs,placement,placement_since,relative_placement,permanency_goal,wants_adoption,siblings_together,visits,brought_forward):
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'age',age)
  __dataclass_builtins_object__.__setattr__(self,'age_years',age_years)
  __dataclass_builtins_object__.__setattr__(self,'birth_date',birth_date)
  __dataclass_builtins_object__.__setattr__(self,'special_needs',special_needs)
  __dataclass_builtins_object__.__setattr__(self,'has_special_needs',has_special_needs)
  __dataclass_builtins_object__.__setattr__(self,'placement',placement)
  __dataclass_builtins_object__.__setattr__(self,'placement_since',placement_since)
  __dataclass_builtins_object__.__setattr__(self,'relative_placement',relative_placement)
  __dataclass_builtins_object__.__setattr__(self,'permanency_goal',permanency_goal)
  __dataclass_builtins_object__.__setattr__(self,'wants_adoption',wants_adoption)
  __dataclass_builtins_object__.__setattr__(self,'siblings_together',siblings_together)
  __dataclass_builtins_object__.__setattr__(self,'visits',visits)
  __dataclass_builtins_object__.__setattr__(self,'brought_forward',brought_forward)
 return __init__


def _52(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_cases__):
 def __init__(self,name,attention,overdue,cases=__dataclass_dflt_cases__):
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'attention',attention)
  __dataclass_builtins_object__.__setattr__(self,'overdue',overdue)
  __dataclass_builtins_object__.__setattr__(self,'cases',cases)
 return __init__


def _53(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,name,kind,required,nullable,default,doc,example):
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'required',required)
  __dataclass_builtins_object__.__setattr__(self,'nullable',nullable)
  __dataclass_builtins_object__.__setattr__(self,'default',default)
  __dataclass_builtins_object__.__setattr__(self,'doc',doc)
  __dataclass_builtins_object__.__setattr__(self,'example',example)
 return __init__


def _54(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,name,relationship,age,birth_date):
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'relationship',relationship)
  __dataclass_builtins_object__.__setattr__(self,'age',age)
  __dataclass_builtins_object__.__setattr__(self,'birth_date',birth_date)
 return __init__


def _55(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,name,start,end,provider,note,months,benchmark):
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
  __dataclass_builtins_object__.__setattr__(self,'provider',provider)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
  __dataclass_builtins_object__.__setattr__(self,'months',months)
  __dataclass_builtins_object__.__setattr__(self,'benchmark',benchmark)
 return __init__


def _56(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_values__,__dataclass_dflt_item__,__dataclass_dflt_record__):
 def __init__(self,name,values=__dataclass_dflt_values__,item=__dataclass_dflt_item__,record=__dataclass_dflt_record__):
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'values',values)
  __dataclass_builtins_object__.__setattr__(self,'item',item)
  __dataclass_builtins_object__.__setattr__(self,'record',record)
 return __init__


def _57(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,number,cells):
  __dataclass_builtins_object__.__setattr__(self,'number',number)
  __dataclass_builtins_object__.__setattr__(self,'cells',cells)
 return __init__


def _58(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,number,staffing_index,step_index,staffing,step):
  __dataclass_builtins_object__.__setattr__(self,'number',number)
  __dataclass_builtins_object__.__setattr__(self,'staffing_index',staffing_index)
  __dataclass_builtins_object__.__setattr__(self,'step_index',step_index)
  __dataclass_builtins_object__.__setattr__(self,'staffing',staffing)
  __dataclass_builtins_object__.__setattr__(self,'step',step)
 return __init__


def _59(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,other,coach):
  __dataclass_builtins_object__.__setattr__(self,'other',other)
  __dataclass_builtins_object__.__setattr__(self,'coach',coach)
 return __init__


def _60(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,packs,fingerprint):
  __dataclass_builtins_object__.__setattr__(self,'packs',packs)
  __dataclass_builtins_object__.__setattr__(self,'fingerprint',fingerprint)
 return __init__


def _61(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,packset,as_of,within,default_worker):
  __dataclass_builtins_object__.__setattr__(self,'packset',packset)
  __dataclass_builtins_object__.__setattr__(self,'as_of',as_of)
  __dataclass_builtins_object__.__setattr__(self,'within',within)
  __dataclass_builtins_object__.__setattr__(self,'default_worker',default_worker)
 return __init__


def _62(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,packset,days,as_of,default_worker):
  __dataclass_builtins_object__.__setattr__(self,'packset',packset)
  __dataclass_builtins_object__.__setattr__(self,'days',days)
  __dataclass_builtins_object__.__setattr__(self,'as_of',as_of)
  __dataclass_builtins_object__.__setattr__(self,'default_worker',default_worker)
 return __init__


def _63(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_metavar__,__dataclass_dflt_show_default__):
 def __init__(self,param,names,takes,default,help,metavar=__dataclass_dflt_metavar__,show_default=__dataclass_dflt_show_default__):
  __dataclass_builtins_object__.__setattr__(self,'param',param)
  __dataclass_builtins_object__.__setattr__(self,'names',names)
  __dataclass_builtins_object__.__setattr__(self,'takes',takes)
  __dataclass_builtins_object__.__setattr__(self,'default',default)
  __dataclass_builtins_object__.__setattr__(self,'help',help)
  __dataclass_builtins_object__.__setattr__(self,'metavar',metavar)
  __dataclass_builtins_object__.__setattr__(self,'show_default',show_default)
 return __init__


def _64(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_params__,__dataclass_dflt_listed_in__):
 def __init__(self,*,params=__dataclass_factory__,listed_in=__dataclass_dflt_listed_in__):
  __dataclass_builtins_object__.__setattr__(self,'params',__dataclass_dflt_params__() if params is __dataclass_factory__ else params)
  __dataclass_builtins_object__.__setattr__(self,'listed_in',listed_in)
 return __init__


def _65(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,participant,family,risks,past_risks,no_risks):
  __dataclass_builtins_object__.__setattr__(self,'participant',participant)
  __dataclass_builtins_object__.__setattr__(self,'family',family)
  __dataclass_builtins_object__.__setattr__(self,'risks',risks)
  __dataclass_builtins_object__.__setattr__(self,'past_risks',past_risks)
  __dataclass_builtins_object__.__setattr__(self,'no_risks',no_risks)
 return __init__


def _66(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_details__):
 def __init__(self,passed,message,details=__dataclass_dflt_details__):
  __dataclass_builtins_object__.__setattr__(self,'passed',passed)
  __dataclass_builtins_object__.__setattr__(self,'message',message)
  __dataclass_builtins_object__.__setattr__(self,'details',details)
 return __init__


def _67(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,past,current,no_past,no_current,hours,no_hours,reviews,no_reviews,working,not_working):
  __dataclass_builtins_object__.__setattr__(self,'past',past)
  __dataclass_builtins_object__.__setattr__(self,'current',current)
  __dataclass_builtins_object__.__setattr__(self,'no_past',no_past)
  __dataclass_builtins_object__.__setattr__(self,'no_current',no_current)
  __dataclass_builtins_object__.__setattr__(self,'hours',hours)
  __dataclass_builtins_object__.__setattr__(self,'no_hours',no_hours)
  __dataclass_builtins_object__.__setattr__(self,'reviews',reviews)
  __dataclass_builtins_object__.__setattr__(self,'no_reviews',no_reviews)
  __dataclass_builtins_object__.__setattr__(self,'working',working)
  __dataclass_builtins_object__.__setattr__(self,'not_working',not_working)
 return __init__


def _68(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,path,data,text,root):
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'data',data)
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'root',root)
 return __init__


def _69(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_delimiter__,__dataclass_dflt_empty_rows__):
 def __init__(self,path,headers,rows,encoding,delimiter=__dataclass_dflt_delimiter__,empty_rows=__dataclass_dflt_empty_rows__):
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'headers',headers)
  __dataclass_builtins_object__.__setattr__(self,'rows',rows)
  __dataclass_builtins_object__.__setattr__(self,'encoding',encoding)
  __dataclass_builtins_object__.__setattr__(self,'delimiter',delimiter)
  __dataclass_builtins_object__.__setattr__(self,'empty_rows',empty_rows)
 return __init__


def _70(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,points,width,height,bottom,scale,top_value):
  __dataclass_builtins_object__.__setattr__(self,'points',points)
  __dataclass_builtins_object__.__setattr__(self,'width',width)
  __dataclass_builtins_object__.__setattr__(self,'height',height)
  __dataclass_builtins_object__.__setattr__(self,'bottom',bottom)
  __dataclass_builtins_object__.__setattr__(self,'scale',scale)
  __dataclass_builtins_object__.__setattr__(self,'top_value',top_value)
 return __init__


def _71(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_background__,__dataclass_dflt_circumstances__,__dataclass_dflt_strengths__,__dataclass_dflt_challenges__,__dataclass_dflt_observation__,__dataclass_dflt_activities__,__dataclass_dflt_referrals__,__dataclass_dflt_review_areas__,__dataclass_dflt_outstanding__,__dataclass_dflt_sanction__,__dataclass_dflt_eligibility__,__dataclass_dflt_employment__,__dataclass_dflt_child__,__dataclass_dflt_checklist__,__dataclass_dflt_case_plan__,__dataclass_dflt_history__,__dataclass_dflt_readiness__,__dataclass_dflt_withheld__):
 def __init__(self,program,program_name,agency,policy,policy_reference,cite_as,kind,case_id,participant,worker,provider,file,meeting,as_of,audience,partner,partner_covers,reasons,team,outline,parts,background=__dataclass_dflt_background__,circumstances=__dataclass_dflt_circumstances__,strengths=__dataclass_dflt_strengths__,challenges=__dataclass_dflt_challenges__,observation=__dataclass_dflt_observation__,activities=__dataclass_dflt_activities__,referrals=__dataclass_dflt_referrals__,review_areas=__dataclass_dflt_review_areas__,outstanding=__dataclass_dflt_outstanding__,sanction=__dataclass_dflt_sanction__,eligibility=__dataclass_dflt_eligibility__,employment=__dataclass_dflt_employment__,child=__dataclass_dflt_child__,checklist=__dataclass_dflt_checklist__,case_plan=__dataclass_dflt_case_plan__,history=__dataclass_dflt_history__,readiness=__dataclass_dflt_readiness__,withheld=__dataclass_dflt_withheld__):
  __dataclass_builtins_object__.__setattr__(self,'program',program)
  __dataclass_builtins_object__.__setattr__(self,'program_name',program_name)
  __dataclass_builtins_object__.__setattr__(self,'agency',agency)
  __dataclass_builtins_object__.__setattr__(self,'policy',policy)
  __dataclass_builtins_object__.__setattr__(self,'policy_reference',policy_reference)
  __dataclass_builtins_object__.__setattr__(self,'cite_as',cite_as)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'case_id',case_id)
  __dataclass_builtins_object__.__setattr__(self,'participant',participant)
  __dataclass_builtins_object__.__setattr__(self,'worker',worker)
  __dataclass_builtins_object__.__setattr__(self,'provider',provider)
  __dataclass_builtins_object__.__setattr__(self,'file',file)
  __dataclass_builtins_object__.__setattr__(self,'meeting',meeting)
  __dataclass_builtins_object__.__setattr__(self,'as_of',as_of)
  __dataclass_builtins_object__.__setattr__(self,'audience',audience)
  __dataclass_builtins_object__.__setattr__(self,'partner',partner)
  __dataclass_builtins_object__.__setattr__(self,'partner_covers',partner_covers)
  __dataclass_builtins_object__.__setattr__(self,'reasons',reasons)
  __dataclass_builtins_object__.__setattr__(self,'team',team)
  __dataclass_builtins_object__.__setattr__(self,'outline',outline)
  __dataclass_builtins_object__.__setattr__(self,'parts',parts)
  __dataclass_builtins_object__.__setattr__(self,'background',background)
  __dataclass_builtins_object__.__setattr__(self,'circumstances',circumstances)
  __dataclass_builtins_object__.__setattr__(self,'strengths',strengths)
  __dataclass_builtins_object__.__setattr__(self,'challenges',challenges)
  __dataclass_builtins_object__.__setattr__(self,'observation',observation)
  __dataclass_builtins_object__.__setattr__(self,'activities',activities)
  __dataclass_builtins_object__.__setattr__(self,'referrals',referrals)
  __dataclass_builtins_object__.__setattr__(self,'review_areas',review_areas)
  __dataclass_builtins_object__.__setattr__(self,'outstanding',outstanding)
  __dataclass_builtins_object__.__setattr__(self,'sanction',sanction)
  __dataclass_builtins_object__.__setattr__(self,'eligibility',eligibility)
  __dataclass_builtins_object__.__setattr__(self,'employment',employment)
  __dataclass_builtins_object__.__setattr__(self,'child',child)
  __dataclass_builtins_object__.__setattr__(self,'checklist',checklist)
  __dataclass_builtins_object__.__setattr__(self,'case_plan',case_plan)
  __dataclass_builtins_object__.__setattr__(self,'history',history)
  __dataclass_builtins_object__.__setattr__(self,'readiness',readiness)
  __dataclass_builtins_object__.__setattr__(self,'withheld',withheld)
 return __init__


def _72(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,program,program_name,cite_as,provider,month,meeting,meeting_known,as_of,customers,deadlines,readiness):
  __dataclass_builtins_object__.__setattr__(self,'program',program)
  __dataclass_builtins_object__.__setattr__(self,'program_name',program_name)
  __dataclass_builtins_object__.__setattr__(self,'cite_as',cite_as)
  __dataclass_builtins_object__.__setattr__(self,'provider',provider)
  __dataclass_builtins_object__.__setattr__(self,'month',month)
  __dataclass_builtins_object__.__setattr__(self,'meeting',meeting)
  __dataclass_builtins_object__.__setattr__(self,'meeting_known',meeting_known)
  __dataclass_builtins_object__.__setattr__(self,'as_of',as_of)
  __dataclass_builtins_object__.__setattr__(self,'customers',customers)
  __dataclass_builtins_object__.__setattr__(self,'deadlines',deadlines)
  __dataclass_builtins_object__.__setattr__(self,'readiness',readiness)
 return __init__


def _73(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,program,worker,overdue,held):
  __dataclass_builtins_object__.__setattr__(self,'program',program)
  __dataclass_builtins_object__.__setattr__(self,'worker',worker)
  __dataclass_builtins_object__.__setattr__(self,'overdue',overdue)
  __dataclass_builtins_object__.__setattr__(self,'held',held)
 return __init__


def _74(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,reason,proposed_on,effective_on,status):
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'proposed_on',proposed_on)
  __dataclass_builtins_object__.__setattr__(self,'effective_on',effective_on)
  __dataclass_builtins_object__.__setattr__(self,'status',status)
 return __init__


def _75(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,role,initials,who,person,organization,department):
  __dataclass_builtins_object__.__setattr__(self,'role',role)
  __dataclass_builtins_object__.__setattr__(self,'initials',initials)
  __dataclass_builtins_object__.__setattr__(self,'who',who)
  __dataclass_builtins_object__.__setattr__(self,'person',person)
  __dataclass_builtins_object__.__setattr__(self,'organization',organization)
  __dataclass_builtins_object__.__setattr__(self,'department',department)
 return __init__


def _76(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,roles,invited,department_invited,source,nobody):
  __dataclass_builtins_object__.__setattr__(self,'roles',roles)
  __dataclass_builtins_object__.__setattr__(self,'invited',invited)
  __dataclass_builtins_object__.__setattr__(self,'department_invited',department_invited)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'nobody',nobody)
 return __init__


def _77(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_values__):
 def __init__(self,row,case_id,program,name,text,values=__dataclass_factory__):
  __dataclass_builtins_object__.__setattr__(self,'row',row)
  __dataclass_builtins_object__.__setattr__(self,'case_id',case_id)
  __dataclass_builtins_object__.__setattr__(self,'program',program)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'values',__dataclass_dflt_values__() if values is __dataclass_factory__ else values)
 return __init__


def _78(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,rows,none):
  __dataclass_builtins_object__.__setattr__(self,'rows',rows)
  __dataclass_builtins_object__.__setattr__(self,'none',none)
 return __init__


def _79(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,run,past,report):
  __dataclass_builtins_object__.__setattr__(self,'run',run)
  __dataclass_builtins_object__.__setattr__(self,'past',past)
  __dataclass_builtins_object__.__setattr__(self,'report',report)
 return __init__


def _80(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,run,report):
  __dataclass_builtins_object__.__setattr__(self,'run',run)
  __dataclass_builtins_object__.__setattr__(self,'report',report)
 return __init__


def _81(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,service,date,to,note):
  __dataclass_builtins_object__.__setattr__(self,'service',service)
  __dataclass_builtins_object__.__setattr__(self,'date',date)
  __dataclass_builtins_object__.__setattr__(self,'to',to)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
 return __init__


def _82(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_orders__):
 def __init__(self,sheet,columns,packs,program,worker,today,orders=__dataclass_factory__):
  __dataclass_builtins_object__.__setattr__(self,'sheet',sheet)
  __dataclass_builtins_object__.__setattr__(self,'columns',columns)
  __dataclass_builtins_object__.__setattr__(self,'packs',packs)
  __dataclass_builtins_object__.__setattr__(self,'program',program)
  __dataclass_builtins_object__.__setattr__(self,'worker',worker)
  __dataclass_builtins_object__.__setattr__(self,'today',today)
  __dataclass_builtins_object__.__setattr__(self,'orders',__dataclass_dflt_orders__() if orders is __dataclass_factory__ else orders)
 return __init__


def _83(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,shortfalls,kept,narration_refused):
  __dataclass_builtins_object__.__setattr__(self,'shortfalls',shortfalls)
  __dataclass_builtins_object__.__setattr__(self,'kept',kept)
  __dataclass_builtins_object__.__setattr__(self,'narration_refused',narration_refused)
 return __init__


def _84(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,staffing,shortfalls):
  __dataclass_builtins_object__.__setattr__(self,'staffing',staffing)
  __dataclass_builtins_object__.__setattr__(self,'shortfalls',shortfalls)
 return __init__


def _85(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,start,end,insert):
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
  __dataclass_builtins_object__.__setattr__(self,'insert',insert)
 return __init__


def _86(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,step,owner,due,overdue,staffing,done):
  __dataclass_builtins_object__.__setattr__(self,'step',step)
  __dataclass_builtins_object__.__setattr__(self,'owner',owner)
  __dataclass_builtins_object__.__setattr__(self,'due',due)
  __dataclass_builtins_object__.__setattr__(self,'overdue',overdue)
  __dataclass_builtins_object__.__setattr__(self,'staffing',staffing)
  __dataclass_builtins_object__.__setattr__(self,'done',done)
 return __init__


def _87(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,task,owner,due,status,overdue,note):
  __dataclass_builtins_object__.__setattr__(self,'task',task)
  __dataclass_builtins_object__.__setattr__(self,'owner',owner)
  __dataclass_builtins_object__.__setattr__(self,'due',due)
  __dataclass_builtins_object__.__setattr__(self,'status',status)
  __dataclass_builtins_object__.__setattr__(self,'overdue',overdue)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
 return __init__


def _88(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,team,shown):
  __dataclass_builtins_object__.__setattr__(self,'team',team)
  __dataclass_builtins_object__.__setattr__(self,'shown',shown)
 return __init__


def _89(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_rule__,__dataclass_dflt_hard_deadline__):
 def __init__(self,text,status,due,citation,rule=__dataclass_dflt_rule__,hard_deadline=__dataclass_dflt_hard_deadline__):
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'status',status)
  __dataclass_builtins_object__.__setattr__(self,'due',due)
  __dataclass_builtins_object__.__setattr__(self,'citation',citation)
  __dataclass_builtins_object__.__setattr__(self,'rule',rule)
  __dataclass_builtins_object__.__setattr__(self,'hard_deadline',hard_deadline)
 return __init__


def _90(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_text__,__dataclass_dflt_lines__,__dataclass_dflt_question__,__dataclass_dflt_areas__,__dataclass_dflt_label__,__dataclass_dflt_withheld__):
 def __init__(self,text=__dataclass_dflt_text__,lines=__dataclass_dflt_lines__,question=__dataclass_dflt_question__,areas=__dataclass_dflt_areas__,label=__dataclass_dflt_label__,withheld=__dataclass_dflt_withheld__):
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'lines',lines)
  __dataclass_builtins_object__.__setattr__(self,'question',question)
  __dataclass_builtins_object__.__setattr__(self,'areas',areas)
  __dataclass_builtins_object__.__setattr__(self,'label',label)
  __dataclass_builtins_object__.__setattr__(self,'withheld',withheld)
 return __init__


def _91(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,title,items,citation):
  __dataclass_builtins_object__.__setattr__(self,'title',title)
  __dataclass_builtins_object__.__setattr__(self,'items',items)
  __dataclass_builtins_object__.__setattr__(self,'citation',citation)
 return __init__


def _92(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,uid,kind,day,summary,description,categories,private_summary):
  __dataclass_builtins_object__.__setattr__(self,'uid',uid)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'day',day)
  __dataclass_builtins_object__.__setattr__(self,'summary',summary)
  __dataclass_builtins_object__.__setattr__(self,'description',description)
  __dataclass_builtins_object__.__setattr__(self,'categories',categories)
  __dataclass_builtins_object__.__setattr__(self,'private_summary',private_summary)
 return __init__


def _93(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,what,due,note,citation):
  __dataclass_builtins_object__.__setattr__(self,'what',what)
  __dataclass_builtins_object__.__setattr__(self,'due',due)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
  __dataclass_builtins_object__.__setattr__(self,'citation',citation)
 return __init__


def _94(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_dates__):
 def __init__(self,workspace,sheet,columns,folder,program,dates=__dataclass_dflt_dates__):
  __dataclass_builtins_object__.__setattr__(self,'workspace',workspace)
  __dataclass_builtins_object__.__setattr__(self,'sheet',sheet)
  __dataclass_builtins_object__.__setattr__(self,'columns',columns)
  __dataclass_builtins_object__.__setattr__(self,'folder',folder)
  __dataclass_builtins_object__.__setattr__(self,'program',program)
  __dataclass_builtins_object__.__setattr__(self,'dates',dates)
 return __init__


def _95(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_local_default__,__dataclass_dflt_hard_deadline__):
 def __init__(self,case,file,participant,worker,program,rule,reason,evidence,since,due,status,citation,local_default=__dataclass_dflt_local_default__,hard_deadline=__dataclass_dflt_hard_deadline__):
  self.case=case
  self.file=file
  self.participant=participant
  self.worker=worker
  self.program=program
  self.rule=rule
  self.reason=reason
  self.evidence=evidence
  self.since=since
  self.due=due
  self.status=status
  self.citation=citation
  self.local_default=local_default
  self.hard_deadline=hard_deadline
 return __init__


def _96(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,case,pack,staffing,ahead,known_on):
  self.case=case
  self.pack=pack
  self.staffing=staffing
  self.ahead=ahead
  self.known_on=known_on
 return __init__


def _97(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_last_staffing__,__dataclass_dflt_planned_meeting__):
 def __init__(self,case,participant,worker,program,file,flags,last_staffing=__dataclass_dflt_last_staffing__,planned_meeting=__dataclass_dflt_planned_meeting__):
  self.case=case
  self.participant=participant
  self.worker=worker
  self.program=program
  self.file=file
  self.flags=flags
  self.last_staffing=last_staffing
  self.planned_meeting=planned_meeting
 return __init__


def _98(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_calendar__,__dataclass_dflt_enrolled__,__dataclass_dflt_planned__,__dataclass_dflt_last_staffing__,__dataclass_dflt_planned_meeting__,__dataclass_dflt_names__):
 def __init__(self,case,participant,worker,program,provider,file,flags,held,calendar=__dataclass_dflt_calendar__,enrolled=__dataclass_dflt_enrolled__,planned=__dataclass_dflt_planned__,last_staffing=__dataclass_dflt_last_staffing__,planned_meeting=__dataclass_dflt_planned_meeting__,names=__dataclass_dflt_names__):
  self.case=case
  self.participant=participant
  self.worker=worker
  self.program=program
  self.provider=provider
  self.file=file
  self.flags=flags
  self.held=held
  self.calendar=calendar
  self.enrolled=enrolled
  self.planned=planned
  self.last_staffing=last_staffing
  self.planned_meeting=planned_meeting
  self.names=names
 return __init__


def _99(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,field,value,line):
  self.field=field
  self.value=value
  self.line=line
 return __init__


def _100(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_kept__):
 def __init__(self,folder,shard,items,gone,kept=__dataclass_dflt_kept__):
  self.folder=folder
  self.shard=shard
  self.items=items
  self.gone=gone
  self.kept=kept
 return __init__


def _101(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_fix__,__dataclass_dflt_details__):
 def __init__(self,met,says,fix=__dataclass_dflt_fix__,details=__dataclass_dflt_details__):
  self.met=met
  self.says=says
  self.fix=fix
  self.details=details
 return __init__


def _102(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,param,value,source):
  self.param=param
  self.value=value
  self.source=source
 return __init__


def _103(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
 return __init__


def _104(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_department__,__dataclass_dflt_release_form__,__dataclass_dflt_invite_for_needs__,__dataclass_dflt_note__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,abbr,title,department=__dataclass_dflt_department__,release_form=__dataclass_dflt_release_form__,invite_for_needs=__dataclass_factory__,note=__dataclass_dflt_note__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.abbr=abbr
  self.title=title
  self.department=department
  self.release_form=release_form
  self.invite_for_needs=__dataclass_dflt_invite_for_needs__() if invite_for_needs is __dataclass_factory__ else invite_for_needs
  self.note=note
 return __init__


def _105(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_release_area__,__dataclass_dflt_risk_factors__,__dataclass_dflt_lookback_months__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,area,title,release_area=__dataclass_dflt_release_area__,risk_factors=__dataclass_factory__,lookback_months=__dataclass_dflt_lookback_months__,citation):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.area=area
  self.title=title
  self.release_area=release_area
  self.risk_factors=__dataclass_dflt_risk_factors__() if risk_factors is __dataclass_factory__ else risk_factors
  self.lookback_months=lookback_months
  self.citation=citation
 return __init__


def _106(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_who__,__dataclass_dflt_limitation__,__dataclass_dflt_accommodations__,__dataclass_dflt_affected_participation__,__dataclass_dflt_note__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,area,who=__dataclass_dflt_who__,limitation=__dataclass_dflt_limitation__,accommodations=__dataclass_dflt_accommodations__,affected_participation=__dataclass_dflt_affected_participation__,note=__dataclass_dflt_note__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.area=area
  self.who=who
  self.limitation=limitation
  self.accommodations=accommodations
  self.affected_participation=affected_participation
  self.note=note
 return __init__


def _107(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_worker__,__dataclass_dflt_provider__,__dataclass_dflt_household__,__dataclass_dflt_goal__,__dataclass_dflt_components__,__dataclass_dflt_participation__,__dataclass_dflt_progress_reviews__,__dataclass_dflt_strengths__,__dataclass_dflt_challenges__,__dataclass_dflt_risk_factors__,__dataclass_dflt_referrals__,__dataclass_dflt_review_areas__,__dataclass_dflt_releases__,__dataclass_dflt_sanction__,__dataclass_dflt_outstanding_info__,__dataclass_dflt_eligibility_checks__,__dataclass_dflt_employment__,__dataclass_dflt_child__,__dataclass_dflt_checklist__,__dataclass_dflt_case_plan_tasks__,__dataclass_dflt_planned_staffing__,__dataclass_dflt_staffings__,__dataclass_dflt_notes__,__dataclass_dflt_file__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,case_id,program,worker=__dataclass_dflt_worker__,provider=__dataclass_dflt_provider__,participant,household=__dataclass_factory__,enrolled,goal=__dataclass_dflt_goal__,components=__dataclass_factory__,participation=__dataclass_factory__,progress_reviews=__dataclass_factory__,strengths=__dataclass_dflt_strengths__,challenges=__dataclass_dflt_challenges__,risk_factors=__dataclass_factory__,referrals=__dataclass_factory__,review_areas=__dataclass_factory__,releases=__dataclass_factory__,sanction=__dataclass_dflt_sanction__,outstanding_info=__dataclass_factory__,eligibility_checks=__dataclass_factory__,employment=__dataclass_dflt_employment__,child=__dataclass_dflt_child__,checklist=__dataclass_dflt_checklist__,case_plan_tasks=__dataclass_factory__,planned_staffing=__dataclass_dflt_planned_staffing__,staffings=__dataclass_factory__,notes=__dataclass_dflt_notes__,file=__dataclass_dflt_file__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.case_id=case_id
  self.program=program
  self.worker=worker
  self.provider=provider
  self.participant=participant
  self.household=__dataclass_dflt_household__() if household is __dataclass_factory__ else household
  self.enrolled=enrolled
  self.goal=goal
  self.components=__dataclass_dflt_components__() if components is __dataclass_factory__ else components
  self.participation=__dataclass_dflt_participation__() if participation is __dataclass_factory__ else participation
  self.progress_reviews=__dataclass_dflt_progress_reviews__() if progress_reviews is __dataclass_factory__ else progress_reviews
  self.strengths=strengths
  self.challenges=challenges
  self.risk_factors=__dataclass_dflt_risk_factors__() if risk_factors is __dataclass_factory__ else risk_factors
  self.referrals=__dataclass_dflt_referrals__() if referrals is __dataclass_factory__ else referrals
  self.review_areas=__dataclass_dflt_review_areas__() if review_areas is __dataclass_factory__ else review_areas
  self.releases=__dataclass_dflt_releases__() if releases is __dataclass_factory__ else releases
  self.sanction=sanction
  self.outstanding_info=__dataclass_dflt_outstanding_info__() if outstanding_info is __dataclass_factory__ else outstanding_info
  self.eligibility_checks=__dataclass_dflt_eligibility_checks__() if eligibility_checks is __dataclass_factory__ else eligibility_checks
  self.employment=employment
  self.child=child
  self.checklist=checklist
  self.case_plan_tasks=__dataclass_dflt_case_plan_tasks__() if case_plan_tasks is __dataclass_factory__ else case_plan_tasks
  self.planned_staffing=planned_staffing
  self.staffings=__dataclass_dflt_staffings__() if staffings is __dataclass_factory__ else staffings
  self.notes=notes
  self.file=file
 return __init__


def _108(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_params__,__dataclass_dflt_sources__,__dataclass_dflt_citation__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,check,params=__dataclass_factory__,sources=__dataclass_factory__,citation=__dataclass_dflt_citation__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.check=check
  self.params=__dataclass_dflt_params__() if params is __dataclass_factory__ else params
  self.sources=__dataclass_dflt_sources__() if sources is __dataclass_factory__ else sources
  self.citation=citation
 return __init__


def _109(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_checks__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,checks=__dataclass_factory__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.checks=__dataclass_dflt_checks__() if checks is __dataclass_factory__ else checks
 return __init__


def _110(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_customer_kinds__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,customer_kinds=__dataclass_factory__,deadlines):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.customer_kinds=__dataclass_dflt_customer_kinds__() if customer_kinds is __dataclass_factory__ else customer_kinds
  self.deadlines=deadlines
 return __init__


def _111(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_title__,__dataclass_dflt_present__,__dataclass_dflt_discussion__,__dataclass_dflt_strengths_identified__,__dataclass_dflt_challenges_identified__,__dataclass_dflt_all_information_discussed__,__dataclass_dflt_decision__,__dataclass_dflt_decision_kind__,__dataclass_dflt_explanation__,__dataclass_dflt_next_steps__,__dataclass_dflt_next_appointment__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,date,kind,title=__dataclass_dflt_title__,present=__dataclass_factory__,discussion=__dataclass_dflt_discussion__,strengths_identified=__dataclass_factory__,challenges_identified=__dataclass_factory__,all_information_discussed=__dataclass_dflt_all_information_discussed__,decision=__dataclass_dflt_decision__,decision_kind=__dataclass_dflt_decision_kind__,explanation=__dataclass_dflt_explanation__,next_steps=__dataclass_factory__,next_appointment=__dataclass_dflt_next_appointment__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.date=date
  self.kind=kind
  self.title=title
  self.present=__dataclass_dflt_present__() if present is __dataclass_factory__ else present
  self.discussion=discussion
  self.strengths_identified=__dataclass_dflt_strengths_identified__() if strengths_identified is __dataclass_factory__ else strengths_identified
  self.challenges_identified=__dataclass_dflt_challenges_identified__() if challenges_identified is __dataclass_factory__ else challenges_identified
  self.all_information_discussed=all_information_discussed
  self.decision=decision
  self.decision_kind=decision_kind
  self.explanation=explanation
  self.next_steps=__dataclass_dflt_next_steps__() if next_steps is __dataclass_factory__ else next_steps
  self.next_appointment=next_appointment
 return __init__


def _112(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_note__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,date,progress,note=__dataclass_dflt_note__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.date=date
  self.progress=progress
  self.note=note
 return __init__


def _113(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_time__,__dataclass_dflt_how__,__dataclass_dflt_initiated_by__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,date,time=__dataclass_dflt_time__,how=__dataclass_dflt_how__,initiated_by=__dataclass_dflt_initiated_by__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.date=date
  self.time=time
  self.how=how
  self.initiated_by=initiated_by
 return __init__


def _114(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_date__,__dataclass_dflt_kind__,__dataclass_dflt_invited__,__dataclass_dflt_decision_kind__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,date=__dataclass_dflt_date__,kind=__dataclass_dflt_kind__,invited=__dataclass_factory__,decision_kind=__dataclass_dflt_decision_kind__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.date=date
  self.kind=kind
  self.invited=__dataclass_dflt_invited__() if invited is __dataclass_factory__ else invited
  self.decision_kind=decision_kind
 return __init__


def _115(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_end__,__dataclass_dflt_hours_per_week__,__dataclass_dflt_hourly_wage__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,employer,start,end=__dataclass_dflt_end__,hours_per_week=__dataclass_dflt_hours_per_week__,hourly_wage=__dataclass_dflt_hourly_wage__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.employer=employer
  self.start=start
  self.end=end
  self.hours_per_week=hours_per_week
  self.hourly_wage=hourly_wage
 return __init__


def _116(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_resolved__,__dataclass_dflt_anticipated_duration__,__dataclass_dflt_how_addressed__,__dataclass_dflt_note__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,factor,noted,resolved=__dataclass_dflt_resolved__,anticipated_duration=__dataclass_dflt_anticipated_duration__,how_addressed=__dataclass_dflt_how_addressed__,note=__dataclass_dflt_note__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.factor=factor
  self.noted=noted
  self.resolved=resolved
  self.anticipated_duration=anticipated_duration
  self.how_addressed=how_addressed
  self.note=note
 return __init__


def _117(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,field,item,ask,citation):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.field=field
  self.item=item
  self.ask=ask
  self.citation=citation
 return __init__


def _118(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_params__,__dataclass_dflt_sources__,__dataclass_dflt_satisfied_by__,__dataclass_dflt_hard_deadline__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,id,function,params=__dataclass_factory__,sources=__dataclass_factory__,satisfied_by=__dataclass_factory__,explain,reason,citation,hard_deadline=__dataclass_dflt_hard_deadline__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.id=id
  self.function=function
  self.params=__dataclass_dflt_params__() if params is __dataclass_factory__ else params
  self.sources=__dataclass_dflt_sources__() if sources is __dataclass_factory__ else sources
  self.satisfied_by=__dataclass_dflt_satisfied_by__() if satisfied_by is __dataclass_factory__ else satisfied_by
  self.explain=explain
  self.reason=reason
  self.citation=citation
  self.hard_deadline=hard_deadline
 return __init__


def _119(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,id,name):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.id=id
  self.name=name
 return __init__


def _120(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_decision_kinds__,__dataclass_dflt_requirements__,__dataclass_dflt_provider_cycle__,__dataclass_dflt_outline__,__dataclass_dflt_agenda__,__dataclass_dflt_narration__,__dataclass_dflt_case_file__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,id,name,agency,state,policy,staffing_kinds,decision_kinds=__dataclass_factory__,roles,rules,requirements=__dataclass_factory__,provider_cycle=__dataclass_dflt_provider_cycle__,outline=__dataclass_factory__,agenda=__dataclass_dflt_agenda__,narration=__dataclass_dflt_narration__,case_file=__dataclass_dflt_case_file__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.id=id
  self.name=name
  self.agency=agency
  self.state=state
  self.policy=policy
  self.staffing_kinds=staffing_kinds
  self.decision_kinds=__dataclass_dflt_decision_kinds__() if decision_kinds is __dataclass_factory__ else decision_kinds
  self.roles=roles
  self.rules=rules
  self.requirements=__dataclass_dflt_requirements__() if requirements is __dataclass_factory__ else requirements
  self.provider_cycle=provider_cycle
  self.outline=__dataclass_dflt_outline__() if outline is __dataclass_factory__ else outline
  self.agenda=agenda
  self.narration=narration
  self.case_file=case_file
 return __init__


def _121(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_params__,__dataclass_dflt_sources__,__dataclass_dflt_on_fail__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,id,title,applies_to,check,params=__dataclass_factory__,sources=__dataclass_factory__,on_fail=__dataclass_dflt_on_fail__,citation):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.id=id
  self.title=title
  self.applies_to=applies_to
  self.check=check
  self.params=__dataclass_dflt_params__() if params is __dataclass_factory__ else params
  self.sources=__dataclass_dflt_sources__() if sources is __dataclass_factory__ else sources
  self.on_fail=on_fail
  self.citation=citation
 return __init__


def _122(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_params__,__dataclass_dflt_sources__,__dataclass_dflt_on_fail__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,id,title,check,params=__dataclass_factory__,sources=__dataclass_factory__,on_fail=__dataclass_dflt_on_fail__,citation):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.id=id
  self.title=title
  self.check=check
  self.params=__dataclass_dflt_params__() if params is __dataclass_factory__ else params
  self.sources=__dataclass_dflt_sources__() if sources is __dataclass_factory__ else sources
  self.on_fail=on_fail
  self.citation=citation
 return __init__


def _123(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_day__,__dataclass_dflt_month_end__,__dataclass_dflt_workdays_before_meeting__,__dataclass_dflt_non_workday__,__dataclass_dflt_done_by__,__dataclass_dflt_overdue_months__,__dataclass_dflt_lists_customers__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,id,what,day=__dataclass_dflt_day__,month_end=__dataclass_dflt_month_end__,workdays_before_meeting=__dataclass_dflt_workdays_before_meeting__,non_workday=__dataclass_dflt_non_workday__,done_by=__dataclass_dflt_done_by__,overdue_months=__dataclass_dflt_overdue_months__,lists_customers=__dataclass_dflt_lists_customers__,citation):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.id=id
  self.what=what
  self.day=day
  self.month_end=month_end
  self.workdays_before_meeting=workdays_before_meeting
  self.non_workday=non_workday
  self.done_by=done_by
  self.overdue_months=overdue_months
  self.lists_customers=lists_customers
  self.citation=citation
 return __init__


def _124(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_individual__,__dataclass_dflt_family__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,individual=__dataclass_factory__,family=__dataclass_factory__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.individual=__dataclass_dflt_individual__() if individual is __dataclass_factory__ else individual
  self.family=__dataclass_dflt_family__() if family is __dataclass_factory__ else family
 return __init__


def _125(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_received__,__dataclass_dflt_note__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,item,requested,received=__dataclass_dflt_received__,note=__dataclass_dflt_note__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.item=item
  self.requested=requested
  self.received=received
  self.note=note
 return __init__


def _126(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_kinds__,__dataclass_dflt_rules__,__dataclass_dflt_decisions__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,kinds=__dataclass_factory__,rules=__dataclass_factory__,decisions=__dataclass_factory__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.kinds=__dataclass_dflt_kinds__() if kinds is __dataclass_factory__ else kinds
  self.rules=__dataclass_dflt_rules__() if rules is __dataclass_factory__ else rules
  self.decisions=__dataclass_dflt_decisions__() if decisions is __dataclass_factory__ else decisions
 return __init__


def _127(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_good_cause__,__dataclass_dflt_note__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,month,required_hours,actual_hours,good_cause=__dataclass_dflt_good_cause__,note=__dataclass_dflt_note__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.month=month
  self.required_hours=required_hours
  self.actual_hours=actual_hours
  self.good_cause=good_cause
  self.note=note
 return __init__


def _128(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,month,verified_on,eligible):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.month=month
  self.verified_on=verified_on
  self.eligible=eligible
 return __init__


def _129(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_special_needs__,__dataclass_dflt_placement__,__dataclass_dflt_placement_since__,__dataclass_dflt_relative_placement__,__dataclass_dflt_permanency_goal__,__dataclass_dflt_wants_adoption__,__dataclass_dflt_siblings_placed_together__,__dataclass_dflt_visits_occurring__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,name,birth_date,special_needs=__dataclass_factory__,placement=__dataclass_dflt_placement__,placement_since=__dataclass_dflt_placement_since__,relative_placement=__dataclass_dflt_relative_placement__,permanency_goal=__dataclass_dflt_permanency_goal__,wants_adoption=__dataclass_dflt_wants_adoption__,siblings_placed_together=__dataclass_dflt_siblings_placed_together__,visits_occurring=__dataclass_dflt_visits_occurring__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.name=name
  self.birth_date=birth_date
  self.special_needs=__dataclass_dflt_special_needs__() if special_needs is __dataclass_factory__ else special_needs
  self.placement=placement
  self.placement_since=placement_since
  self.relative_placement=relative_placement
  self.permanency_goal=permanency_goal
  self.wants_adoption=wants_adoption
  self.siblings_placed_together=siblings_placed_together
  self.visits_occurring=visits_occurring
 return __init__


def _130(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_birth_date__,__dataclass_dflt_relationship_status__,__dataclass_dflt_employment_education__,__dataclass_dflt_address__,__dataclass_dflt_phone__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,name,birth_date=__dataclass_dflt_birth_date__,relationship_status=__dataclass_dflt_relationship_status__,employment_education=__dataclass_dflt_employment_education__,address=__dataclass_dflt_address__,phone=__dataclass_dflt_phone__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.name=name
  self.birth_date=birth_date
  self.relationship_status=relationship_status
  self.employment_education=employment_education
  self.address=address
  self.phone=phone
 return __init__


def _131(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_birth_date__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,name,relationship,birth_date=__dataclass_dflt_birth_date__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.name=name
  self.relationship=relationship
  self.birth_date=birth_date
 return __init__


def _132(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_end__,__dataclass_dflt_provider__,__dataclass_dflt_note__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,name,start,end=__dataclass_dflt_end__,provider=__dataclass_dflt_provider__,note=__dataclass_dflt_note__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.name=name
  self.start=start
  self.end=end
  self.provider=provider
  self.note=note
 return __init__


def _133(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_participant__,__dataclass_dflt_family__,__dataclass_dflt_other__,__dataclass_dflt_coach__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,participant=__dataclass_factory__,family=__dataclass_factory__,other=__dataclass_factory__,coach=__dataclass_factory__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.participant=__dataclass_dflt_participant__() if participant is __dataclass_factory__ else participant
  self.family=__dataclass_dflt_family__() if family is __dataclass_factory__ else family
  self.other=__dataclass_dflt_other__() if other is __dataclass_factory__ else other
  self.coach=__dataclass_dflt_coach__() if coach is __dataclass_factory__ else coach
 return __init__


def _134(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,parts):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.parts=parts
 return __init__


def _135(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_parts__,__dataclass_dflt_readiness__,__dataclass_dflt_review_areas__,__dataclass_dflt_checklist__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,parts=__dataclass_dflt_parts__,readiness=__dataclass_factory__,review_areas=__dataclass_factory__,checklist=__dataclass_factory__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.parts=parts
  self.readiness=__dataclass_dflt_readiness__() if readiness is __dataclass_factory__ else readiness
  self.review_areas=__dataclass_dflt_review_areas__() if review_areas is __dataclass_factory__ else review_areas
  self.checklist=__dataclass_dflt_checklist__() if checklist is __dataclass_factory__ else checklist
 return __init__


def _136(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_form__,__dataclass_dflt_expires__,__dataclass_dflt_covers__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,party,form=__dataclass_dflt_form__,signed,expires=__dataclass_dflt_expires__,covers=__dataclass_factory__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.party=party
  self.form=form
  self.signed=signed
  self.expires=expires
  self.covers=__dataclass_dflt_covers__() if covers is __dataclass_factory__ else covers
 return __init__


def _137(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_paternity_established__,__dataclass_dflt_icwa__,__dataclass_dflt_birth_certificate__,__dataclass_dflt_social_security_card__,__dataclass_dflt_grandparents__,__dataclass_dflt_relatives_kin__,__dataclass_dflt_kin_not_appropriate__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,paternity_established=__dataclass_dflt_paternity_established__,icwa=__dataclass_dflt_icwa__,birth_certificate=__dataclass_dflt_birth_certificate__,social_security_card=__dataclass_dflt_social_security_card__,grandparents=__dataclass_dflt_grandparents__,relatives_kin=__dataclass_dflt_relatives_kin__,kin_not_appropriate=__dataclass_dflt_kin_not_appropriate__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.paternity_established=paternity_established
  self.icwa=icwa
  self.birth_certificate=birth_certificate
  self.social_security_card=social_security_card
  self.grandparents=grandparents
  self.relatives_kin=relatives_kin
  self.kin_not_appropriate=kin_not_appropriate
 return __init__


def _138(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_status__,__dataclass_dflt_decided_on__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,reason,proposed_on,effective_on,status=__dataclass_dflt_status__,decided_on=__dataclass_dflt_decided_on__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.reason=reason
  self.proposed_on=proposed_on
  self.effective_on=effective_on
  self.status=status
  self.decided_on=decided_on
 return __init__


def _139(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_name__,__dataclass_dflt_organization__,__dataclass_dflt_designee_for__,__dataclass_dflt_release_needed__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,role,initials,name=__dataclass_dflt_name__,organization=__dataclass_dflt_organization__,designee_for=__dataclass_dflt_designee_for__,release_needed=__dataclass_dflt_release_needed__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.role=role
  self.initials=initials
  self.name=name
  self.organization=organization
  self.designee_for=designee_for
  self.release_needed=release_needed
 return __init__


def _140(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_quote__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,section,quote=__dataclass_dflt_quote__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.section=section
  self.quote=quote
 return __init__


def _141(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_to__,__dataclass_dflt_note__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,service,date,to=__dataclass_dflt_to__,note=__dataclass_dflt_note__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.service=service
  self.date=date
  self.to=to
  self.note=note
 return __init__


def _142(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_owner__,__dataclass_dflt_done__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,step,owner=__dataclass_dflt_owner__,due,done=__dataclass_dflt_done__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.step=step
  self.owner=owner
  self.due=due
  self.done=done
 return __init__


def _143(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_owner__,__dataclass_dflt_status__,__dataclass_dflt_completed__,__dataclass_dflt_note__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,task,owner=__dataclass_dflt_owner__,due,status=__dataclass_dflt_status__,completed=__dataclass_dflt_completed__,note=__dataclass_dflt_note__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.task=task
  self.owner=owner
  self.due=due
  self.status=status
  self.completed=completed
  self.note=note
 return __init__


def _144(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_reference__,__dataclass_dflt_effective__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,title,cite_as,reference=__dataclass_dflt_reference__,effective=__dataclass_dflt_effective__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.title=title
  self.cite_as=cite_as
  self.reference=reference
  self.effective=effective
 return __init__


def _145(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_pos__,__dataclass_dflt_at__,__dataclass_dflt_items__,__dataclass_dflt_citation__):
 def __init__(self,*,pos=__dataclass_dflt_pos__,at=__dataclass_factory__,title,items=__dataclass_factory__,citation=__dataclass_dflt_citation__):
  self.pos=pos
  self.at=__dataclass_dflt_at__() if at is __dataclass_factory__ else at
  self.title=title
  self.items=__dataclass_dflt_items__() if items is __dataclass_factory__ else items
  self.citation=citation
 return __init__


def _146(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,requirement,says,fix,citation):
  self.requirement=requirement
  self.says=says
  self.fix=fix
  self.citation=citation
 return __init__


def _147(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,requirement,verdict,citation):
  self.requirement=requirement
  self.verdict=verdict
  self.citation=citation
 return __init__


def _148(__dataclass_builtins_object__,__dataclass_factory__):
 def __init__(self,shown,signature,read_ns,problems,case_id,case_id_at,births,result,how):
  self.shown=shown
  self.signature=signature
  self.read_ns=read_ns
  self.problems=problems
  self.case_id=case_id
  self.case_id_at=case_id_at
  self.births=births
  self.result=result
  self.how=how
 return __init__


def _149(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_facts__,__dataclass_dflt_evidence__,__dataclass_dflt_satisfiable__):
 def __init__(self,since,due,facts=__dataclass_factory__,evidence=__dataclass_dflt_evidence__,satisfiable=__dataclass_dflt_satisfiable__):
  self.since=since
  self.due=due
  self.facts=__dataclass_dflt_facts__() if facts is __dataclass_factory__ else facts
  self.evidence=evidence
  self.satisfiable=satisfiable
 return __init__


def _150(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_stats__,__dataclass_dflt_notes__):
 def __init__(self,cases,problems,files,stats=__dataclass_factory__,notes=__dataclass_factory__):
  self.cases=cases
  self.problems=problems
  self.files=files
  self.stats=__dataclass_dflt_stats__() if stats is __dataclass_factory__ else stats
  self.notes=__dataclass_dflt_notes__() if notes is __dataclass_factory__ else notes
 return __init__


def _151(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_entries__,__dataclass_dflt_dirty__,__dataclass_dflt_started_over__):
 def __init__(self,folder,fingerprint,entries=__dataclass_factory__,dirty=__dataclass_dflt_dirty__,started_over=__dataclass_dflt_started_over__):
  self.folder=folder
  self.fingerprint=fingerprint
  self.entries=__dataclass_dflt_entries__() if entries is __dataclass_factory__ else entries
  self.dirty=dirty
  self.started_over=started_over
 return __init__


def _152(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_dirty__):
 def __init__(self,path,fingerprint,cases,dirty=__dataclass_dflt_dirty__):
  self.path=path
  self.fingerprint=fingerprint
  self.cases=cases
  self.dirty=dirty
 return __init__


def _153(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_answer_type__,__dataclass_dflt_day__,__dataclass_dflt_dirty__,__dataclass_dflt_fresh__,__dataclass_dflt_spill__,__dataclass_dflt_spilled__,__dataclass_dflt_lost__,__dataclass_dflt_unread__):
 def __init__(self,path,fingerprint,key,answers,answer_type=__dataclass_dflt_answer_type__,day=__dataclass_dflt_day__,dirty=__dataclass_dflt_dirty__,fresh=__dataclass_factory__,spill=__dataclass_dflt_spill__,spilled=__dataclass_factory__,lost=__dataclass_dflt_lost__,unread=__dataclass_dflt_unread__):
  self.path=path
  self.fingerprint=fingerprint
  self.key=key
  self.answers=answers
  self.answer_type=answer_type
  self.day=day
  self.dirty=dirty
  self.fresh=__dataclass_dflt_fresh__() if fresh is __dataclass_factory__ else fresh
  self.spill=spill
  self.spilled=__dataclass_dflt_spilled__() if spilled is __dataclass_factory__ else spilled
  self.lost=lost
  self.unread=unread
 return __init__


def _154(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_stats__,__dataclass_dflt_shared_ids__,__dataclass_dflt_notes__,__dataclass_dflt_signatures__,__dataclass_dflt_listings__):
 def __init__(self,results,problems,files,stats=__dataclass_factory__,shared_ids=__dataclass_factory__,notes=__dataclass_factory__,signatures=__dataclass_factory__,listings=__dataclass_factory__):
  self.results=results
  self.problems=problems
  self.files=files
  self.stats=__dataclass_dflt_stats__() if stats is __dataclass_factory__ else stats
  self.shared_ids=__dataclass_dflt_shared_ids__() if shared_ids is __dataclass_factory__ else shared_ids
  self.notes=__dataclass_dflt_notes__() if notes is __dataclass_factory__ else notes
  self.signatures=__dataclass_dflt_signatures__() if signatures is __dataclass_factory__ else signatures
  self.listings=__dataclass_dflt_listings__() if listings is __dataclass_factory__ else listings
 return __init__


def _155(__dataclass_builtins_object__,__dataclass_factory__,__dataclass_dflt_written__,__dataclass_dflt_skipped__,__dataclass_dflt_refused__):
 def __init__(self,written=__dataclass_factory__,skipped=__dataclass_factory__,refused=__dataclass_factory__):
  self.written=__dataclass_dflt_written__() if written is __dataclass_factory__ else written
  self.skipped=__dataclass_dflt_skipped__() if skipped is __dataclass_factory__ else skipped
  self.refused=__dataclass_dflt_refused__() if refused is __dataclass_factory__ else refused
 return __init__


MAKERS: dict[str, Callable[..., Any]] = {
    'frozen|slots|file ip-|line ip-|col ip-|message ip-': _0,
    'frozen|slots|program ip-|provider ip-|month ip-|item ip-|what ip-|due ip-|status ip-|note ip-|citation ip-|case ipd|participant ipd': _1,
    'frozen||abbr ip-|title ip-|department ip-|note ip-|release_form ip-|invited ip-': _2,
    'frozen||achieved ip-|not_achieved ip-|open ip-|none ip-': _3,
    'frozen||after ip-|days ip-': _4,
    'frozen||age ip-|birth_date ip-|relationship_status ip-|household ip-|no_household ip-|employment_education ip-|goal ip-|address ip-|phone ip-|enrolled ip-': _5,
    'frozen||agenda ip-|problems ip-|files ipd|notes ipd': _6,
    'frozen||area ip-|label ip-': _7,
    'frozen||area ip-|title ip-|who ip-|limitation ip-|accommodations ip-|affected ip-|note ip-|related ip-': _8,
    'frozen||as_of ip-|weeks ip-|worker ip-|program ip-|names ip-|cases ip-|attention ip-|overdue ip-|by_worker ip-|by_program ip-|by_rule ip-|aging ip-|hard_deadlines ip-|staffings_by_month ip-|trend ip-': _9,
    'frozen||as_of ip-|within ip-|rows ip-|deadlines ip-|cases ip-': _10,
    'frozen||as_of ip-|workdays ip-|satisfied_by ip-|counts ipd': _11,
    'frozen||bars ip-|width ip-|height ip-|left ip-|scale ip-': _12,
    'frozen||case ip-|pack ip-|agenda ip-|invite ip-': _13,
    'frozen||case ip-|pack ip-|meeting ip-|as_of ip-': _14,
    'frozen||case_id ip-|name ip-|path ip-|team ip-': _15,
    'frozen||case_id ip-|participant ip-|file ip-|component ip-|participation ip-|progress ip-|challenges ip-|plan_changes ip-|eligibility ip-|eligible ip-|staffing_reasons ip-': _16,
    'frozen||check ip-|failing ip-|passing ip-': _17,
    'frozen||columns ip-|guessed ipd|ignored ipd': _18,
    'frozen||config ip-|packset ip-|paths ip-|here_only ipd': _19,
    'frozen||date ip-|kind ip-|present ip-|decision ip-': _20,
    'frozen||date ip-|progress ip-|note ip-': _21,
    'frozen||date ip-|text ip-': _22,
    'frozen||day ip-|overdue ip-': _23,
    'frozen||day ip-|value ip-|x ip-|y ip-': _24,
    'frozen||due ip-|export ip-|ics ip-|notes ipf': _25,
    'frozen||due ip-|status ip-|case ip-|participant ip-|worker ip-|program ip-|rule ip-': _26,
    'frozen||employed ip-|employer ip-|start ip-|hours ip-|wage ip-|end ip-': _27,
    'frozen||events ip-|cancelled ip-|memory ip-': _28,
    'frozen||factor ip-|noted ip-|resolved ip-|duration ip-|addressed ip-|note ip-': _29,
    'frozen||file ip-|row ip-|column ip-|message ip-': _30,
    'frozen||file ipd|cases ipd|state ipd|worker ipd|templates ipd|pack_files ipd|cache ipd|shared_folder ipd|program_states ipf|rule_params ipf|requirement_params ipf|provider_meetings ipf|key_lines ipf|import_map ipf': _31,
    'frozen||files_by_id ip-|unreadable ip-': _32,
    'frozen||function ik-': _33,
    'frozen||function ik-|facts ik-|reads ik-|benchmarks ikd|follow_up ikd': _34,
    'frozen||function ik-|listed_in ikd': _35,
    'frozen||function ik-|per_customer ikd': _36,
    'frozen||held ip-|enrolled ip-|missed ip-': _37,
    'frozen||id ip-|title ip-|status ip-|message ip-|details ip-|citation ip-': _38,
    'frozen||individual ip-|family ip-': _39,
    'frozen||item ip-|requested ip-|received ip-|waiting ip-': _40,
    'frozen||item ip-|value ip-|documented ip-': _41,
    'frozen||key ipd': _42,
    'frozen||kind ip-|day ip-|summary ip-|sequence ip-|fingerprint ip-|modified ip-|cancelled_on ipd': _43,
    'frozen||label ip-|source ip-|areas ipd|topical ipd|why ipd': _44,
    'frozen||label ip-|value ip-|overdue ip-|y ip-|width ip-|overdue_width ip-': _45,
    'frozen||last ip-|open_steps ip-|done_steps ip-|held ip-': _46,
    'frozen||line ip-|col ip-|message ip-': _47,
    'frozen||mapping ipd|sequence ipd|offset ipd': _48,
    'frozen||month ip-|required ip-|actual ip-|percent ip-|short ip-|good_cause ip-|value ip-|note ip-': _49,
    'frozen||month ip-|verified ip-|eligible ip-': _50,
    'frozen||name ip-|age ip-|age_years ip-|birth_date ip-|special_needs ip-|has_special_needs ip-|placement ip-|placement_since ip-|relative_placement ip-|permanency_goal ip-|wants_adoption ip-|siblings_together ip-|visits ip-|brought_forward ip-': _51,
    'frozen||name ip-|attention ip-|overdue ip-|cases ipd': _52,
    'frozen||name ip-|kind ip-|required ip-|nullable ip-|default ip-|doc ip-|example ip-': _53,
    'frozen||name ip-|relationship ip-|age ip-|birth_date ip-': _54,
    'frozen||name ip-|start ip-|end ip-|provider ip-|note ip-|months ip-|benchmark ip-': _55,
    'frozen||name ip-|values ipd|item ipd|record ipd': _56,
    'frozen||number ip-|cells ip-': _57,
    'frozen||number ip-|staffing_index ip-|step_index ip-|staffing ip-|step ip-': _58,
    'frozen||other ip-|coach ip-': _59,
    'frozen||packs ip-|fingerprint ip-': _60,
    'frozen||packset ip-|as_of ip-|within ip-|default_worker ip-': _61,
    'frozen||packset ip-|days ip-|as_of ip-|default_worker ip-': _62,
    'frozen||param ip-|names ip-|takes ip-|default ip-|help ip-|metavar ipd|show_default ipd': _63,
    'frozen||params ikf|listed_in ikd': _64,
    'frozen||participant ip-|family ip-|risks ip-|past_risks ip-|no_risks ip-': _65,
    'frozen||passed ip-|message ip-|details ipd': _66,
    'frozen||past ip-|current ip-|no_past ip-|no_current ip-|hours ip-|no_hours ip-|reviews ip-|no_reviews ip-|working ip-|not_working ip-': _67,
    'frozen||path ip-|data ip-|text ip-|root ip-': _68,
    'frozen||path ip-|headers ip-|rows ip-|encoding ip-|delimiter ipd|empty_rows ipd': _69,
    'frozen||points ip-|width ip-|height ip-|bottom ip-|scale ip-|top_value ip-': _70,
    'frozen||program ip-|program_name ip-|agency ip-|policy ip-|policy_reference ip-|cite_as ip-|kind ip-|case_id ip-|participant ip-|worker ip-|provider ip-|file ip-|meeting ip-|as_of ip-|audience ip-|partner ip-|partner_covers ip-|reasons ip-|team ip-|outline ip-|parts ip-|background ipd|circumstances ipd|strengths ipd|challenges ipd|observation ipd|activities ipd|referrals ipd|review_areas ipd|outstanding ipd|sanction ipd|eligibility ipd|employment ipd|child ipd|checklist ipd|case_plan ipd|history ipd|readiness ipd|withheld ipd': _71,
    'frozen||program ip-|program_name ip-|cite_as ip-|provider ip-|month ip-|meeting ip-|meeting_known ip-|as_of ip-|customers ip-|deadlines ip-|readiness ip-': _72,
    'frozen||program ip-|worker ip-|overdue ip-|held ip-': _73,
    'frozen||reason ip-|proposed_on ip-|effective_on ip-|status ip-': _74,
    'frozen||role ip-|initials ip-|who ip-|person ip-|organization ip-|department ip-': _75,
    'frozen||roles ip-|invited ip-|department_invited ip-|source ip-|nobody ip-': _76,
    'frozen||row ip-|case_id ip-|program ip-|name ip-|text ip-|values ipf': _77,
    'frozen||rows ip-|none ip-': _78,
    'frozen||run ip-|past ip-|report ip-': _79,
    'frozen||run ip-|report ip-': _80,
    'frozen||service ip-|date ip-|to ip-|note ip-': _81,
    'frozen||sheet ip-|columns ip-|packs ip-|program ip-|worker ip-|today ip-|orders ipf': _82,
    'frozen||shortfalls ip-|kept ip-|narration_refused ip-': _83,
    'frozen||staffing ip-|shortfalls ip-': _84,
    'frozen||start ip-|end ip-|insert ip-': _85,
    'frozen||step ip-|owner ip-|due ip-|overdue ip-|staffing ip-|done ip-': _86,
    'frozen||task ip-|owner ip-|due ip-|status ip-|overdue ip-|note ip-': _87,
    'frozen||team ip-|shown ip-': _88,
    'frozen||text ip-|status ip-|due ip-|citation ip-|rule ipd|hard_deadline ipd': _89,
    'frozen||text ipd|lines ipd|question ipd|areas ipd|label ipd|withheld ipd': _90,
    'frozen||title ip-|items ip-|citation ip-': _91,
    'frozen||uid ip-|kind ip-|day ip-|summary ip-|description ip-|categories ip-|private_summary ip-': _92,
    'frozen||what ip-|due ip-|note ip-|citation ip-': _93,
    'frozen||workspace ip-|sheet ip-|columns ip-|folder ip-|program ip-|dates ipd': _94,
    '|slots|case ip-|file ip-|participant ip-|worker ip-|program ip-|rule ip-|reason ip-|evidence ip-|since ip-|due ip-|status ip-|citation ip-|local_default ipd|hard_deadline ipd': _95,
    '|slots|case ip-|pack ip-|staffing ip-|ahead ip-|known_on ip-': _96,
    '|slots|case ip-|participant ip-|worker ip-|program ip-|file ip-|flags ip-|last_staffing ipd|planned_meeting ipd': _97,
    '|slots|case ip-|participant ip-|worker ip-|program ip-|provider ip-|file ip-|flags ip-|held ip-|calendar ipd|enrolled ipd|planned ipd|last_staffing ipd|planned_meeting ipd|names ipd': _98,
    '|slots|field ip-|value ip-|line ip-': _99,
    '|slots|folder ip-|shard ip-|items ip-|gone ip-|kept ipd': _100,
    '|slots|met ip-|says ip-|fix ipd|details ipd': _101,
    '|slots|param ip-|value ip-|source ip-': _102,
    '|slots|pos ikd|at ikf': _103,
    '|slots|pos ikd|at ikf|abbr ik-|title ik-|department ikd|release_form ikd|invite_for_needs ikf|note ikd': _104,
    '|slots|pos ikd|at ikf|area ik-|title ik-|release_area ikd|risk_factors ikf|lookback_months ikd|citation ik-': _105,
    '|slots|pos ikd|at ikf|area ik-|who ikd|limitation ikd|accommodations ikd|affected_participation ikd|note ikd': _106,
    '|slots|pos ikd|at ikf|case_id ik-|program ik-|worker ikd|provider ikd|participant ik-|household ikf|enrolled ik-|goal ikd|components ikf|participation ikf|progress_reviews ikf|strengths ikd|challenges ikd|risk_factors ikf|referrals ikf|review_areas ikf|releases ikf|sanction ikd|outstanding_info ikf|eligibility_checks ikf|employment ikd|child ikd|checklist ikd|case_plan_tasks ikf|planned_staffing ikd|staffings ikf|notes ikd|file ikd': _107,
    '|slots|pos ikd|at ikf|check ik-|params ikf|sources ikf|citation ikd': _108,
    '|slots|pos ikd|at ikf|checks ikf': _109,
    '|slots|pos ikd|at ikf|customer_kinds ikf|deadlines ik-': _110,
    '|slots|pos ikd|at ikf|date ik-|kind ik-|title ikd|present ikf|discussion ikd|strengths_identified ikf|challenges_identified ikf|all_information_discussed ikd|decision ikd|decision_kind ikd|explanation ikd|next_steps ikf|next_appointment ikd': _111,
    '|slots|pos ikd|at ikf|date ik-|progress ik-|note ikd': _112,
    '|slots|pos ikd|at ikf|date ik-|time ikd|how ikd|initiated_by ikd': _113,
    '|slots|pos ikd|at ikf|date ikd|kind ikd|invited ikf|decision_kind ikd': _114,
    '|slots|pos ikd|at ikf|employer ik-|start ik-|end ikd|hours_per_week ikd|hourly_wage ikd': _115,
    '|slots|pos ikd|at ikf|factor ik-|noted ik-|resolved ikd|anticipated_duration ikd|how_addressed ikd|note ikd': _116,
    '|slots|pos ikd|at ikf|field ik-|item ik-|ask ik-|citation ik-': _117,
    '|slots|pos ikd|at ikf|id ik-|function ik-|params ikf|sources ikf|satisfied_by ikf|explain ik-|reason ik-|citation ik-|hard_deadline ikd': _118,
    '|slots|pos ikd|at ikf|id ik-|name ik-': _119,
    '|slots|pos ikd|at ikf|id ik-|name ik-|agency ik-|state ik-|policy ik-|staffing_kinds ik-|decision_kinds ikf|roles ik-|rules ik-|requirements ikf|provider_cycle ikd|outline ikf|agenda ikd|narration ikd|case_file ikd': _120,
    '|slots|pos ikd|at ikf|id ik-|title ik-|applies_to ik-|check ik-|params ikf|sources ikf|on_fail ikd|citation ik-': _121,
    '|slots|pos ikd|at ikf|id ik-|title ik-|check ik-|params ikf|sources ikf|on_fail ikd|citation ik-': _122,
    '|slots|pos ikd|at ikf|id ik-|what ik-|day ikd|month_end ikd|workdays_before_meeting ikd|non_workday ikd|done_by ikd|overdue_months ikd|lists_customers ikd|citation ik-': _123,
    '|slots|pos ikd|at ikf|individual ikf|family ikf': _124,
    '|slots|pos ikd|at ikf|item ik-|requested ik-|received ikd|note ikd': _125,
    '|slots|pos ikd|at ikf|kinds ikf|rules ikf|decisions ikf': _126,
    '|slots|pos ikd|at ikf|month ik-|required_hours ik-|actual_hours ik-|good_cause ikd|note ikd': _127,
    '|slots|pos ikd|at ikf|month ik-|verified_on ik-|eligible ik-': _128,
    '|slots|pos ikd|at ikf|name ik-|birth_date ik-|special_needs ikf|placement ikd|placement_since ikd|relative_placement ikd|permanency_goal ikd|wants_adoption ikd|siblings_placed_together ikd|visits_occurring ikd': _129,
    '|slots|pos ikd|at ikf|name ik-|birth_date ikd|relationship_status ikd|employment_education ikd|address ikd|phone ikd': _130,
    '|slots|pos ikd|at ikf|name ik-|relationship ik-|birth_date ikd': _131,
    '|slots|pos ikd|at ikf|name ik-|start ik-|end ikd|provider ikd|note ikd': _132,
    '|slots|pos ikd|at ikf|participant ikf|family ikf|other ikf|coach ikf': _133,
    '|slots|pos ikd|at ikf|parts ik-': _134,
    '|slots|pos ikd|at ikf|parts ikd|readiness ikf|review_areas ikf|checklist ikf': _135,
    '|slots|pos ikd|at ikf|party ik-|form ikd|signed ik-|expires ikd|covers ikf': _136,
    '|slots|pos ikd|at ikf|paternity_established ikd|icwa ikd|birth_certificate ikd|social_security_card ikd|grandparents ikd|relatives_kin ikd|kin_not_appropriate ikd': _137,
    '|slots|pos ikd|at ikf|reason ik-|proposed_on ik-|effective_on ik-|status ikd|decided_on ikd': _138,
    '|slots|pos ikd|at ikf|role ik-|initials ik-|name ikd|organization ikd|designee_for ikd|release_needed ikd': _139,
    '|slots|pos ikd|at ikf|section ik-|quote ikd': _140,
    '|slots|pos ikd|at ikf|service ik-|date ik-|to ikd|note ikd': _141,
    '|slots|pos ikd|at ikf|step ik-|owner ikd|due ik-|done ikd': _142,
    '|slots|pos ikd|at ikf|task ik-|owner ikd|due ik-|status ikd|completed ikd|note ikd': _143,
    '|slots|pos ikd|at ikf|title ik-|cite_as ik-|reference ikd|effective ikd': _144,
    '|slots|pos ikd|at ikf|title ik-|items ikf|citation ikd': _145,
    '|slots|requirement ip-|says ip-|fix ip-|citation ip-': _146,
    '|slots|requirement ip-|verdict ip-|citation ip-': _147,
    '|slots|shown ip-|signature ip-|read_ns ip-|problems ip-|case_id ip-|case_id_at ip-|births ip-|result ip-|how ip-': _148,
    '|slots|since ip-|due ip-|facts ipf|evidence ipd|satisfiable ipd': _149,
    '||cases ip-|problems ip-|files ip-|stats ipf|notes ipf': _150,
    '||folder ip-|fingerprint ip-|entries ipf|dirty ipd|started_over ipd': _151,
    '||path ip-|fingerprint ip-|cases ip-|dirty ipd': _152,
    '||path ip-|fingerprint ip-|key ip-|answers ip-|answer_type ipd|day ipd|dirty ipd|fresh ipf|spill ipd|spilled ipf|lost ipd|unread ipd': _153,
    '||results ip-|problems ip-|files ip-|stats ipf|shared_ids ipf|notes ipf|signatures ipf|listings ipf': _154,
    '||written ipf|skipped ipf|refused ipf': _155,
}
